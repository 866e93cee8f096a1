package org.newsroom.query.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Tag;
import org.newsroom.query.web.TestArticles;

class NewsQueryTests {

    private static final ArticleEnriched SANCTIONS = TestArticles.original("nq-1", "Reuters",
            new Dateline("MOSCOW", "Reuters"), Instant.parse("2019-05-06T10:00:00Z"),
            List.of(new Tag("medtop:11000000", "Politics", "medtop", 0.9, List.of())),
            "Russia's banks face sanctions as talks stall",
            "Washington sanctioned three Russian banks on Monday.", "The Bank of England said nothing.");

    @Test
    void analysesWordsAsTheIndexDoesStemmingEnglish() {
        assertThat(matches("sanction russia")).isTrue();
        assertThat(matches("sanctioning")).as("Porter stems sanctioned and sanctioning alike").isTrue();
        assertThat(matches("sanction venezuela")).isFalse();
        assertThat(matches("BANK")).isTrue();
        assertThat(matches("russia's")).isTrue();
    }

    @Test
    void matchesPhrasesInOrderWithinOneParagraph() {
        assertThat(matches("\"talks stall\"")).isTrue();
        assertThat(matches("\"stall talks\"")).isFalse();
        assertThat(matches("\"bank of england\"")).as("the stop word keeps its position").isTrue();
        assertThat(matches("\"monday the bank\"")).as("a phrase never spans two paragraphs").isFalse();
    }

    @Test
    void excludesAndAlternates() {
        assertThat(matches("sanctions -iran")).isTrue();
        assertThat(matches("sanctions -russia")).isFalse();
        assertThat(matches("sanctions NOT russia")).isFalse();
        assertThat(matches("venezuela | russia")).isTrue();
        assertThat(matches("venezuela OR cuba")).isFalse();
        assertThat(matches("(venezuela | russia) +banks")).isTrue();
        assertThat(matches("(venezuela | cuba) banks")).isFalse();
        assertThat(matches("venezuela OR cuba OR russia AND banks NOT iran")).isTrue();
    }

    @Test
    void matchesPrefixesOfIndexedTerms() {
        assertThat(matches("sanct*")).isTrue();
        assertThat(matches("Sanct*")).isTrue();
        assertThat(matches("embarg*")).isFalse();
    }

    @Test
    void neverFailsOnStrayOperatorsAndIgnoresStopWordsAndFuzziness() {
        assertThat(matches("((sanctions\" -")).isTrue();
        assertThat(matches(") | + banks~2")).isTrue();
        assertThat(matches("the banks")).isTrue();
        assertThat(matches("  ")).isTrue();
        assertThat(NewsQuery.parse(null, null).clause()).isEqualTo(new Clause.Everything());
        assertThat(NewsQuery.parse("e-mail", null).clause()).isInstanceOf(Clause.Words.class);
    }

    @Test
    void filtersIgnoreCaseAndMatchTagsByIdOrLabel() {
        assertThat(matches(null, new FilterValues("politics", "REUTERS", "reuters", "EN", null, null).toSearchFilters())).isTrue();
        assertThat(matches(null, new FilterValues("MEDTOP:11000000", null, null, null, null, null).toSearchFilters())).isTrue();
        assertThat(matches(null, new FilterValues("sport", null, null, null, null, null).toSearchFilters())).isFalse();
        assertThat(matches(null, new FilterValues(null, "bbc", null, null, null, null).toSearchFilters())).isFalse();
    }

    @Test
    void filtersByPublicationDateFromInclusiveToExclusive() {
        Instant published = SANCTIONS.publishedAt();
        assertThat(matches(null, new SearchFilters(null, null, null, null, null, published, null, null, null))).isTrue();
        assertThat(matches(null, new SearchFilters(null, null, null, null, null, null, published, null, null))).isFalse();
        assertThat(matches(null, new SearchFilters(null, null, null, null, null, null, published.plusMillis(1), null, null))).isTrue();
    }

    @Test
    void findsAWebPageWhoseExtractorFellBackByMethodOrByLowConfidenceButNotACleanOne() {
        ArticleEnriched fallback = withExtraction(new Extraction(Extraction.Method.largestBlock, 0.3));
        ArticleEnriched clean = withExtraction(new Extraction(Extraction.Method.articleBody, 0.95));
        SearchFilters fellBack = new FilterValues(null, null, null, null, Extraction.Method.largestBlock, null).toSearchFilters();
        SearchFilters weak = new FilterValues(null, null, null, null, null, 0.5).toSearchFilters();

        assertThat(NewsQuery.parse("sanctions", fellBack).matcher().matches(fallback)).isTrue();
        assertThat(NewsQuery.parse("sanctions", fellBack).matcher().matches(clean)).isFalse();
        assertThat(NewsQuery.parse(null, weak).matcher().matches(fallback)).isTrue();
        assertThat(NewsQuery.parse(null, weak).matcher().matches(clean)).isFalse();
        assertThat(NewsQuery.parse(null, weak).matcher().matches(SANCTIONS)).as("a feed article has no extraction").isFalse();
    }

    @Test
    void comparesTheConfidenceBoundAsTheIndexStoresIt() {
        ArticleEnriched atBound = withExtraction(new Extraction(Extraction.Method.scoredBlock, 0.3));

        assertThat(matches(atBound, 0.3)).as("below is exclusive, in float precision on both sides").isFalse();
        assertThat(matches(atBound, 0.30000001)).as("above 0.3 as a double, the same float as the stored 0.3").isFalse();
        assertThat(matches(atBound, 0.30000004)).as("the next float up").isTrue();
    }

    @Test
    void readsExtractionMethodsIgnoringCaseAndRefusesUnknownOnesAndBoundsOutsideZeroToOne() {
        assertThat(SearchFilters.extractionMethod(" JSONLD ")).isEqualTo(Extraction.Method.jsonLd);
        assertThat(SearchFilters.extractionMethod("")).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.extractionMethod("fallback"))
                .withMessage("extraction must be one of articleBody, scoredBlock, jsonLd, largestBlock, openGraph");
        assertThat(SearchFilters.extractionConfidenceBelow("0.5")).isEqualTo(0.5);
        assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.extractionConfidenceBelow("1.5"));
        assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.extractionConfidenceBelow("NaN"));
        assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.extractionConfidenceBelow("half"));
    }

    private static boolean matches(ArticleEnriched article, double confidenceBelow) {
        return NewsQuery.parse(null, new FilterValues(null, null, null, null, null, confidenceBelow).toSearchFilters()).matcher()
                .matches(article);
    }

    private static ArticleEnriched withExtraction(Extraction extraction) {
        return TestArticles.fromWebPage(SANCTIONS, extraction);
    }

    private static boolean matches(String query) {
        return matches(query, null);
    }

    private static boolean matches(String query, SearchFilters filters) {
        return NewsQuery.parse(query, filters).matcher().matches(SANCTIONS);
    }
}
