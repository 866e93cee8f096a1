package org.newsroom.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertRequestTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void becomesAnAlertWithTrimmedFieldsAndBlanksLeftOut() {
        Alert alert = new AlertRequest(" Venezuela watch ", "venezuela -football", "", "AP", null, " ",
                "http://127.0.0.1:9999/hook").toAlert("a1", NOW);

        assertThat(alert).isEqualTo(new Alert("a1", "Venezuela watch", "venezuela -football", null, "AP", null, null,
                URI.create("http://127.0.0.1:9999/hook"), NOW));
    }

    @Test
    void acceptsAFilterWithoutAQuery() {
        assertThat(new AlertRequest("All sport", null, "sport", null, null, null, null).toAlert("a2", NOW).tag())
                .isEqualTo("sport");
    }

    @Test
    void listsEveryProblemOfAnUnusableRequest() {
        assertThatThrownBy(() -> new AlertRequest(null, " ", null, null, null, null, "ftp://example.org/x").toAlert("a3", NOW))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "name is required",
                        "a query or at least one of tag, source, agency, language is required",
                        "webhook must be an absolute http or https URL"));
    }

    @Test
    void refusesOverlongFieldsAndRelativeWebhooks() {
        assertThatThrownBy(() -> new AlertRequest("n", "q".repeat(1001), null, null, null, null, "/hook").toAlert("a4", NOW))
                .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.problems()).containsExactly(
                        "query is too long or has control characters",
                        "webhook must be an absolute http or https URL"));
    }
}
