package org.newsroom.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Extraction;
import org.newsroom.query.language.FilterValues;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved searches are stored, listed by {@code /api/alerts} and read by the page as flat JSON, every filter's key
 * present: their filters are one value in {@link Alert} but must not become a nested object.
 */
class AlertJsonTests {

    /** Spring Boot's mapper, which stores and lists saved searches: classpath modules, unknown keys ignored. */
    private static final JsonMapper BOOT = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    /** Boot's default for the Elasticsearch client, which reads stored saved searches back. */
    private static final Jackson3JsonpMapper ELASTICSEARCH = new Jackson3JsonpMapper();

    private static final Alert WEAK_AP_PAGES = new Alert("a1", "Weak AP pages", "venezuela",
            new FilterValues(null, null, "AP", "en", Extraction.Method.openGraph, 0.5),
            URI.create("https://hooks.example.org/alerts"), Instant.parse("2026-01-01T00:00:00Z"), "desk");
    private static final String WEAK_AP_PAGES_JSON = """
            {"id":"a1","name":"Weak AP pages","query":"venezuela","tag":null,"source":null,"agency":"AP",\
            "language":"en","extraction":"openGraph","extractionConfidenceBelow":0.5,\
            "webhook":"https://hooks.example.org/alerts","createdAt":"2026-01-01T00:00:00Z","owner":"desk"}""";

    @Test
    void aSavedSearchIsStoredFlatWithEveryFilterKey() {
        assertThat(BOOT.writeValueAsString(WEAK_AP_PAGES)).isEqualTo(WEAK_AP_PAGES_JSON);
        assertThat(BOOT.writeValueAsString(new Alert("a2", "Any", "x", null, null, Instant.EPOCH, null))).isEqualTo("""
                {"id":"a2","name":"Any","query":"x","tag":null,"source":null,"agency":null,"language":null,\
                "extraction":null,"extractionConfidenceBelow":null,"webhook":null,"createdAt":"1970-01-01T00:00:00Z",\
                "owner":null}""");
    }

    @Test
    void aSavedSearchStoredBeforeFilterValuesReadsBack() {
        String stored = "{\"alert\":" + WEAK_AP_PAGES_JSON + "}";

        var parser = ELASTICSEARCH.jsonProvider().createParser(new StringReader(stored));
        assertThat(ELASTICSEARCH.deserialize(parser, SavedSearches.AlertSource.class).alert()).isEqualTo(WEAK_AP_PAGES);
        assertThat(BOOT.readValue(WEAK_AP_PAGES_JSON, Alert.class)).isEqualTo(WEAK_AP_PAGES);
    }

    @Test
    void aSavedSearchStoredBeforeFiltersAndOwnersReadsBackWithNone() {
        Alert old = BOOT.readValue("""
                {"id":"a0","name":"Old","query":"x","webhook":null,"createdAt":"2019-01-01T00:00:00Z"}""", Alert.class);

        assertThat(old.filters()).isEqualTo(FilterValues.NONE);
        assertThat(old.owner()).isNull();
    }
}
