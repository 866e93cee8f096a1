package org.newsroom.query.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.newsroom.contracts.ArticleEnriched;

/**
 * One new article in a Lucene {@link MemoryIndex}, with the fields and analysis of the article index (what
 * Elasticsearch's percolator does with a document): indexed once, then tested against any number of queries,
 * from several threads.
 */
public final class IndexedArticle {

    private final ArticleEnriched article;
    private final IndexSearcher searcher;
    private volatile Set<String> terms;

    private IndexedArticle(ArticleEnriched article, IndexSearcher searcher) {
        this.article = article;
        this.searcher = searcher;
    }

    public static IndexedArticle of(ArticleEnriched article) {
        MemoryIndex index = MemoryIndex.fromDocument(fields(article), ArticleFields.ANALYZER);
        index.freeze();
        return new IndexedArticle(article, index.createSearcher());
    }

    public ArticleEnriched article() {
        return article;
    }

    /**
     * Every term the article holds, as {@link RequiredTerms} keys ({@code field + '\u0000' + term}), to find
     * the saved searches worth running on it. Read from the memory index on first use.
     */
    public Set<String> terms() {
        Set<String> known = terms;
        if (known == null) {
            known = readTerms();
            terms = known;
        }
        return known;
    }

    private Set<String> readTerms() {
        Set<String> keys = new HashSet<>();
        try {
            LeafReader reader = searcher.getIndexReader().leaves().getFirst().reader();
            List<String> fields = new ArrayList<>(ArticleFields.KEYWORD_FIELDS);
            ArticleFields.TEXT.forEach(field -> fields.add(field.name()));
            for (String field : fields) {
                Terms fieldTerms = reader.terms(field);
                if (fieldTerms != null) {
                    TermsEnum each = fieldTerms.iterator();
                    for (BytesRef term = each.next(); term != null; term = each.next()) {
                        keys.add(RequiredTerms.key(field, term.utf8ToString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a memory index does no I/O", e);
        }
        return Set.copyOf(keys);
    }

    boolean matches(Query query) {
        try {
            return searcher.count(query) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("a memory index does no I/O", e);
        }
    }

    /** The article as the mapping indexes it; the order of values within a field matters for phrases. */
    static List<IndexableField> fields(ArticleEnriched article) {
        List<IndexableField> fields = new ArrayList<>();
        text(fields, "headline", article.headline());
        article.paragraphs().forEach(paragraph -> text(fields, "paragraphs", paragraph));
        text(fields, "byline", article.byline());
        article.tags().forEach(tag -> {
            keyword(fields, ArticleFields.TAG_ID, tag.id());
            keyword(fields, ArticleFields.TAG_LABEL, tag.label());
        });
        article.entities().forEach(entity -> {
            keyword(fields, ArticleFields.ENTITY_ID, entity.id());
            keyword(fields, ArticleFields.ENTITY_NAME, entity.name());
        });
        keyword(fields, ArticleFields.SOURCE, article.source().name());
        keyword(fields, ArticleFields.AGENCY, article.dateline() == null ? null : article.dateline().agency());
        keyword(fields, ArticleFields.LANGUAGE, article.language());
        if (article.publishedAt() != null) {
            fields.add(new LongPoint(ArticleFields.PUBLISHED_AT, article.publishedAt().toEpochMilli()));
        }
        if (article.extraction() != null) {
            fields.add(new StringField(ArticleFields.EXTRACTION_METHOD, article.extraction().method().name(), Field.Store.NO));
            fields.add(new FloatPoint(ArticleFields.EXTRACTION_CONFIDENCE, (float) article.extraction().confidence()));
        }
        return fields;
    }

    private static void text(List<IndexableField> fields, String name, String value) {
        if (value != null) {
            fields.add(new Field(name, value, TextField.TYPE_NOT_STORED));
        }
    }

    private static void keyword(List<IndexableField> fields, String name, String value) {
        if (value != null) {
            fields.add(new StringField(name, ArticleFields.normalise(value), Field.Store.NO));
        }
    }
}
