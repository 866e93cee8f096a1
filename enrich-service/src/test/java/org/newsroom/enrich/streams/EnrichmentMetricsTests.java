package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Tag;

class EnrichmentMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EnrichmentMetrics metrics = new EnrichmentMetrics(registry);

    @Test
    void countsTagsByScheme() {
        metrics.published(articleTagged(new Tag("medtop:1", "politics", "iptc-mediatopic", 0.9, List.of()),
                new Tag("medtop:2", "economy", "iptc-mediatopic", 0.8, List.of()),
                new Tag("geo:ru", "Russia", "place", 0.7, List.of())));

        assertThat(count("iptc-mediatopic")).isEqualTo(2);
        assertThat(count("place")).isEqualTo(1);
    }

    @Test
    void keepsTheNumberOfSchemeSeriesBoundedWhateverTheRulesFileNames() {
        IntStream.range(0, EnrichmentMetrics.MAX_SCHEMES + 5).forEach(i ->
                metrics.published(articleTagged(new Tag("t" + i, "t" + i, "rules-" + i, 0.5, List.of()))));

        assertThat(registry.find(EnrichmentMetrics.TAGS).counters()).hasSize(EnrichmentMetrics.MAX_SCHEMES + 1);
        assertThat(count(EnrichmentMetrics.OTHER_SCHEME)).isEqualTo(5);
    }

    private double count(String scheme) {
        Counter counter = registry.get(EnrichmentMetrics.TAGS).tag("scheme", scheme).counter();
        return counter.count();
    }

    private static ArticleEnriched articleTagged(Tag... tags) {
        Instant now = Instant.parse("2019-05-06T12:00:00Z");
        return new ArticleEnriched(UUID.randomUUID(), now, "a1", 1, new Source("s", SourceKind.http, null), "text",
                null, null, "Headline", List.of("Body."), now, null, null, "en", List.of(), null, null, "test", now,
                List.of(tags), List.of(), Dedup.originalOf("a1", "test"), "a1");
    }
}
