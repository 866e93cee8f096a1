package org.newsroom.query.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Extraction;

class FilterValuesTests {

    @Test
    void namesTheFiltersAsRequestsAndStoredSavedSearchesSpellThem() {
        assertThat(FilterValues.NAMES).containsExactly("tag", "source", "agency", "language", "extraction",
                "extractionConfidenceBelow");
    }

    @Test
    void cleansEachTextFilterUnderItsOwnNameAndLeavesTheOthers() {
        FilterValues weak = new FilterValues(" a ", null, null, null, Extraction.Method.openGraph, 0.5);

        assertThat(weak.withText((name, value) -> name)).isEqualTo(
                new FilterValues("tag", "source", "agency", "language", Extraction.Method.openGraph, 0.5));
    }

    @Test
    void isEmptyOnlyWithoutAnyValue() {
        assertThat(FilterValues.NONE.isEmpty()).isTrue();
        assertThat(new FilterValues(null, null, null, null, null, 0.5).isEmpty()).isFalse();
    }

    @Test
    void keepsAValueTheEntryPointsRefuseSoAStoredOneStillReads() {
        assertThat(new FilterValues(null, null, null, null, null, 2.0).extractionConfidenceBelow()).isEqualTo(2.0);
    }
}
