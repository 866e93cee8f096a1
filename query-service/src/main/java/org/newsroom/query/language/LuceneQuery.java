package org.newsroom.query.language;

import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.newsroom.query.language.Clause.All;
import org.newsroom.query.language.Clause.Any;
import org.newsroom.query.language.Clause.Everything;
import org.newsroom.query.language.Clause.Not;
import org.newsroom.query.language.Clause.Prefix;
import org.newsroom.query.language.Clause.Words;

/**
 * A {@link NewsQuery} as a Lucene query over an {@link IndexedArticle}: what Elasticsearch builds from
 * {@link ElasticsearchQuery}'s DSL (Elasticsearch's match queries extend Lucene's {@link QueryBuilder}), built
 * with the same per-field analysis ({@link ArticleFields}). Scores do not matter here, only whether it matches.
 */
final class LuceneQuery {

    private static final QueryBuilder PHRASES = new QueryBuilder(ArticleFields.ANALYZER);

    private LuceneQuery() {
    }

    static Query of(NewsQuery query) {
        BooleanQuery.Builder bool = new BooleanQuery.Builder().add(text(query.clause()), Occur.MUST);
        SearchFilters filters = query.filters();
        for (ArticleFields.KeywordFilter filter : ArticleFields.keywordFilters(filters)) {
            bool.add(anyOf(filter.fields().stream().flatMap(field -> filter.values().stream()
                    .<Query>map(value -> new TermQuery(new Term(field, value)))).toList()), Occur.FILTER);
        }
        if (filters.since() != null || filters.until() != null) {
            long from = filters.since() == null ? Long.MIN_VALUE : filters.since().toEpochMilli();
            long to = filters.until() == null ? Long.MAX_VALUE : filters.until().toEpochMilli() - 1;
            bool.add(LongPoint.newRangeQuery(ArticleFields.PUBLISHED_AT, from, to), Occur.FILTER);
        }
        if (filters.extractionConfidenceBelow() != null) {
            // What the node's float field makes of "lt": the bound rounded to a float, then the next float down.
            float below = FloatPoint.nextDown(filters.extractionConfidenceBelow().floatValue());
            bool.add(FloatPoint.newRangeQuery(ArticleFields.EXTRACTION_CONFIDENCE, Float.NEGATIVE_INFINITY, below),
                    Occur.FILTER);
        }
        return bool.build();
    }

    static Query text(Clause clause) {
        return switch (clause) {
            case Everything e -> MatchAllDocsQuery.INSTANCE;
            case Words words -> anyOf(ArticleFields.TEXT.stream()
                    .map(field -> PHRASES.createPhraseQuery(field.name(), words.text())).filter(Objects::nonNull).toList());
            case Prefix prefix -> anyOf(ArticleFields.TEXT.stream()
                    .<Query>map(field -> new PrefixQuery(new Term(field.name(), prefix.prefix()))).toList());
            case Not not -> new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.MUST)
                    .add(text(not.clause()), Occur.MUST_NOT).build();
            case All all -> {
                BooleanQuery.Builder bool = new BooleanQuery.Builder();
                all.clauses().forEach(c -> bool.add(text(c), Occur.MUST));
                yield bool.build();
            }
            case Any any -> anyOf(any.clauses().stream().map(LuceneQuery::text).toList());
        };
    }

    private static Query anyOf(List<Query> queries) {
        BooleanQuery.Builder bool = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        queries.forEach(q -> bool.add(q, Occur.SHOULD));
        return bool.build();
    }
}
