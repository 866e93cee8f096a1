package org.newsroom.query.language;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import org.newsroom.query.language.Clause.All;
import org.newsroom.query.language.Clause.Any;
import org.newsroom.query.language.Clause.Everything;
import org.newsroom.query.language.Clause.Not;
import org.newsroom.query.language.Clause.Prefix;
import org.newsroom.query.language.Clause.Words;

/**
 * A {@link NewsQuery} as an Elasticsearch query: each clause becomes the query DSL whose Lucene query is the
 * one {@link LuceneQuery} builds for it ({@code match_phrase} is Lucene's phrase or term query after the
 * field's analysis, {@code prefix} its prefix query, {@code terms} on a normalised keyword its term queries),
 * so the index and the in-memory matcher agree. Filters are non-scoring; the confidence bound is a {@code range}
 * on the {@code float} field, which the node compares in float precision as {@link LuceneQuery} does.
 */
public final class ElasticsearchQuery {

    private ElasticsearchQuery() {
    }

    public static Query of(NewsQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder().must(text(query.clause()));
        SearchFilters filters = query.filters();
        for (ArticleFields.KeywordFilter filter : ArticleFields.keywordFilters(filters)) {
            List<FieldValue> terms = filter.values().stream().map(FieldValue::of).toList();
            bool.filter(f -> f.bool(b -> {
                filter.fields().forEach(field -> b.should(s -> s.terms(t -> t.field(field).terms(v -> v.value(terms)))));
                return b.minimumShouldMatch("1");
            }));
        }
        if (filters.since() != null || filters.until() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field(ArticleFields.PUBLISHED_AT).format("epoch_millis");
                if (filters.since() != null) {
                    d.gte(String.valueOf(filters.since().toEpochMilli()));
                }
                if (filters.until() != null) {
                    d.lt(String.valueOf(filters.until().toEpochMilli()));
                }
                return d;
            })));
        }
        if (filters.extractionConfidenceBelow() != null) {
            bool.filter(f -> f.range(r -> r.number(n -> n.field(ArticleFields.EXTRACTION_CONFIDENCE)
                    .lt(filters.extractionConfidenceBelow()))));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    static Query text(Clause clause) {
        return switch (clause) {
            case Everything e -> Query.of(q -> q.matchAll(m -> m));
            case Words words -> anyField(ArticleFields.TEXT.stream().map(field -> Query.of(q -> q.matchPhrase(
                    m -> m.field(field.name()).query(words.text()).boost(field.boost())))).toList());
            case Prefix prefix -> anyField(ArticleFields.TEXT.stream().map(field -> Query.of(q -> q.prefix(
                    p -> p.field(field.name()).value(prefix.prefix()).boost(field.boost())))).toList());
            case Not not -> Query.of(q -> q.bool(b -> b.mustNot(text(not.clause()))));
            case All all -> Query.of(q -> q.bool(b -> b.must(all.clauses().stream().map(ElasticsearchQuery::text).toList())));
            case Any any -> Query.of(q -> q.bool(b -> b.should(any.clauses().stream().map(ElasticsearchQuery::text).toList())
                    .minimumShouldMatch("1")));
        };
    }

    /** The best-scoring field counts, as in a multi-field search: a word in the headline is not counted twice. */
    private static Query anyField(List<Query> perField) {
        return perField.size() == 1 ? perField.getFirst() : Query.of(q -> q.disMax(d -> d.queries(perField)));
    }
}
