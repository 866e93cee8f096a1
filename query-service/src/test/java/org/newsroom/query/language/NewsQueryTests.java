package org.newsroom.query.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
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
        assertThat(matches(null, SearchFilters.of("politics", "REUTERS", "reuters", "EN"))).isTrue();
        assertThat(matches(null, SearchFilters.of("MEDTOP:11000000", null, null, null))).isTrue();
        assertThat(matches(null, SearchFilters.of("sport", null, null, null))).isFalse();
        assertThat(matches(null, SearchFilters.of(null, "bbc", null, null))).isFalse();
    }

    @Test
    void filtersByPublicationDateFromInclusiveToExclusive() {
        Instant published = SANCTIONS.publishedAt();
        assertThat(matches(null, new SearchFilters(null, null, null, null, null, published, null))).isTrue();
        assertThat(matches(null, new SearchFilters(null, null, null, null, null, null, published))).isFalse();
        assertThat(matches(null, new SearchFilters(null, null, null, null, null, null, published.plusMillis(1)))).isTrue();
    }

    private static boolean matches(String query) {
        return matches(query, null);
    }

    private static boolean matches(String query, SearchFilters filters) {
        return NewsQuery.parse(query, filters).matcher().matches(SANCTIONS);
    }
}
