package org.newsroom.query.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.newsroom.analysis.NewsEnglish;

/**
 * The article fields a query reads and how each is analysed: the one list search, saved searches and live
 * streams share, mirroring {@code elasticsearch/articles.json} (text fields with their analyzers; keyword
 * filters on {@code .lower} sub-fields, which the mapping normalises with Elasticsearch's {@code lowercase}
 * normalizer, i.e. Lucene's {@link LowerCaseFilter}).
 */
public final class ArticleFields {

    /** A text field the query's words are looked for in, and its weight in relevance. */
    public record TextField(String name, float boost) {
    }

    public static final List<TextField> TEXT = List.of(new TextField("headline", 3), new TextField("paragraphs", 1),
            new TextField("byline", 1));
    /** A field analysed by news_english: a word that leaves no term here is a stop word. */
    static final String ENGLISH_FIELD = "paragraphs";
    public static final String PUBLISHED_AT = "publishedAt";
    static final String TAG_ID = "tags.id.lower";
    static final String TAG_LABEL = "tags.label.lower";
    static final String ENTITY_ID = "entities.id.lower";
    static final String ENTITY_NAME = "entities.name.lower";
    static final String SOURCE = "source.name.lower";
    static final String AGENCY = "dateline.agency.lower";
    static final String LANGUAGE = "language.lower";
    /** A keyword holding an {@code Extraction.Method} name exactly: values are checked against the enum, not lowered. */
    static final String EXTRACTION_METHOD = "extraction.method";
    /** A {@code float} field: bounds and values compare as Elasticsearch's floats, not as doubles. */
    static final String EXTRACTION_CONFIDENCE = "extraction.confidence";
    static final List<String> KEYWORD_FIELDS = List.of(TAG_ID, TAG_LABEL, ENTITY_ID, ENTITY_NAME, SOURCE, AGENCY,
            LANGUAGE, EXTRACTION_METHOD);
    /** Elasticsearch's {@code position_increment_gap} for text arrays: a phrase never spans two paragraphs. */
    static final int POSITION_INCREMENT_GAP = 100;

    private static final Analyzer ENGLISH = NewsEnglish.analyzer();
    private static final Analyzer STANDARD = new StandardAnalyzer();
    private static final Analyzer LOWERCASE = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer keyword = new KeywordTokenizer();
            return new TokenStreamComponents(keyword, new LowerCaseFilter(keyword));
        }
    };
    private static final Map<String, Analyzer> TEXT_ANALYZERS = Map.of("headline", ENGLISH, "paragraphs", ENGLISH,
            "byline", STANDARD);

    /** Per field, the analyzer the mapping names: news_english, standard, or the lowercase normalizer. */
    static final Analyzer ANALYZER = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return TEXT_ANALYZERS.getOrDefault(fieldName, LOWERCASE);
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return POSITION_INCREMENT_GAP;
        }
    };

    private ArticleFields() {
    }

    /** A keyword filter: one of {@code values} (as the fields hold them) in any of {@code fields}. */
    record KeywordFilter(List<String> values, List<String> fields) {
    }

    /**
     * The keyword filters {@code filters} holds, each with the fields it reads ({@code .lower} ones with lower-case
     * values; the extraction method by its exact name); none if empty.
     */
    static List<KeywordFilter> keywordFilters(SearchFilters filters) {
        return Stream.of(filter(filters.tags(), TAG_ID, TAG_LABEL), filter(filters.entities(), ENTITY_ID, ENTITY_NAME),
                        filter(filters.sources(), SOURCE), filter(filters.agencies(), AGENCY),
                        filter(filters.languages(), LANGUAGE),
                        new KeywordFilter(filters.extractionMethods().stream().map(Enum::name).toList(),
                                List.of(EXTRACTION_METHOD)))
                .filter(f -> !f.values().isEmpty()).toList();
    }

    private static KeywordFilter filter(List<String> values, String... fields) {
        return new KeywordFilter(values.stream().map(ArticleFields::normalise).distinct().toList(), List.of(fields));
    }

    /** A keyword filter's value as the {@code .lower} sub-fields hold it: lower case, whole. */
    public static String normalise(String keyword) {
        return analyse(LOWERCASE, "keyword", keyword).getFirst();
    }

    /** The terms {@code text} becomes in {@code field}, in order (stop words leave no term). */
    static List<String> terms(String field, String text) {
        return analyse(ANALYZER, field, text);
    }

    private static List<String> analyse(Analyzer analyzer, String field, String text) {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            List<String> terms = new ArrayList<>();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
            return terms.isEmpty() && analyzer == LOWERCASE ? List.of("") : terms;
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
    }
}
