package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Extraction;
import org.newsroom.query.language.FilterValues;
import org.newsroom.query.language.QueryMatcher;
import org.newsroom.query.web.TestArticles;

class LiveFilterTests {

    private final ArticleEnriched venezuela = TestArticles.venezuelaStory("live-filter-1");

    @Test
    void letsEverythingThroughWithoutFilters() {
        assertThat(new LiveFilter(" ", new FilterValues(null, "", null, null, null, null)).matcher().matches(venezuela)).isTrue();
    }

    @Test
    void matchesTheQueryAgainstHeadlineAndBody() {
        assertThat(filter("venezuela", null, null).matches(venezuela)).isTrue();
        assertThat(filter("\"arctic council\"", null, null).matches(venezuela)).isTrue();
        assertThat(filter("football", null, null).matches(venezuela)).isFalse();
    }

    @Test
    void matchesTagsByIdOrLabelAndSourcesIgnoringCase() {
        assertThat(filter(null, "medtop:11000000", null).matches(venezuela)).isTrue();
        assertThat(filter(null, "politics", "AP").matches(venezuela)).isTrue();
        assertThat(filter(null, "sport", null).matches(venezuela)).isFalse();
        assertThat(filter(null, null, "bbc").matches(venezuela)).isFalse();
        assertThat(filter(null, "POLITICS", "ap").matches(venezuela)).isTrue();
    }

    @Test
    void streamsWeakExtractionsOfWebPagesOnly() {
        ArticleEnriched fallback = TestArticles.fromWebPage(venezuela, new Extraction(Extraction.Method.openGraph, 0.2));
        LiveFilter weak = LiveFilter.of(null, null, null, null, null, null, "0.5");

        assertThat(weak.matcher().matches(fallback)).isTrue();
        assertThat(weak.matcher().matches(venezuela)).as("not a web page").isFalse();
        assertThat(LiveFilter.of(null, null, null, null, null, "OPENGRAPH", null).matcher().matches(fallback)).isTrue();
        assertThat(LiveFilter.of(null, null, null, null, null, "articleBody", null).matcher().matches(fallback)).isFalse();
    }

    @Test
    void refusesAnUnknownExtractionMethodOrABoundThatIsNoConfidence() {
        assertThatIllegalArgumentException().isThrownBy(() -> LiveFilter.of(null, null, null, null, null, "fallback", null))
                .withMessageContaining("extraction must be one of");
        assertThatIllegalArgumentException().isThrownBy(() -> LiveFilter.of(null, null, null, null, null, null, "2"))
                .withMessageContaining("extractionConfidenceBelow must be a number from 0 to 1");
    }

    @Test
    void refusesOverlongQueries() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LiveFilter("x".repeat(1001), FilterValues.NONE))
                .withMessageContaining("q is longer than 1000");
    }

    private static QueryMatcher filter(String query, String tag, String source) {
        return new LiveFilter(query, new FilterValues(tag, source, null, null, null, null)).matcher();
    }
}
