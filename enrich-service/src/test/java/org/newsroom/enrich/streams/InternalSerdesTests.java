package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.corrections.LastVersion;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Fingerprinter;

class InternalSerdesTests {

    private static final Instant PUBLISHED = Instant.parse("2019-05-06T12:00:00.123456789Z");

    private final Enricher.Draft draft = new Enricher("test", Clock.systemUTC()).draft(Articles.seeds().getFirst());
    private final ArticleEnriched article = draft.article();
    private final Fingerprint fingerprint = new Fingerprinter(DedupSettings.defaults())
            .fingerprint(article.articleId(), PUBLISHED, article.paragraphs());

    @Test
    void readsBackTheFindingsAndHeldArticlesTheTopologyWrites() {
        ArticleFindings.Enriched enriched = enriched();

        assertThat(roundTrip(InternalSerdes.findings(), enriched)).isEqualTo(enriched);
        assertThat(roundTrip(InternalSerdes.held(), enriched.held())).isEqualTo(enriched.held());
        assertThat(roundTrip(InternalSerdes.findings(), new ArticleFindings.TakenOut(4, PubStatus.canceled)))
                .isEqualTo(new ArticleFindings.TakenOut(4, PubStatus.canceled));
        assertThat(InternalSerdes.article(enriched.held().article())).isEqualTo(article);
        assertThat(InternalSerdes.memo(enriched.held().memo())).isEqualTo(draft.memo());
    }

    @Test
    void readsBackWhatSubscribersWereLastToldAndWhatAnEarlierReleaseWroteAsJson() {
        LastVersion shown = LastVersion.of(3, PubStatus.usable, List.of(new Tag("JPN", "Japan", "place", 0.9, List.of("Tokyo")),
                new Tag("quakes", null, "newsroom", 1, List.of())), 5, -7_123_456_789L);
        LastVersion killed = LastVersion.of(4, PubStatus.canceled, List.of(), 6, 0);

        assertThat(roundTrip(InternalSerdes.versions(), shown)).isEqualTo(shown);
        assertThat(roundTrip(InternalSerdes.versions(), killed)).isEqualTo(killed);
        byte[] json = EnrichmentTopology.serde(LastVersion.class).serializer().serialize("t", shown);
        assertThat(InternalSerdes.versions().deserializer().deserialize("t", json)).isEqualTo(shown);
        assertThat(InternalSerdes.versions().serializer().serialize("t", shown)).hasSizeLessThan(json.length);
    }

    @Test
    void rejectsBytesThatAreNotItsFormat() {
        byte[] json = "{\"articleId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> InternalSerdes.findings().deserializer().deserialize("t", json))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format");
        byte[] findings = InternalSerdes.findings().serializer().serialize("t", enriched());
        assertThatThrownBy(() -> InternalSerdes.findings().deserializer().deserialize("t",
                Arrays.copyOf(findings, findings.length / 2)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
    }

    private ArticleFindings.Enriched enriched() {
        return new ArticleFindings.Enriched(fingerprint,
                new HeldArticle(3, PUBLISHED, InternalSerdes.json(article), InternalSerdes.json(draft.memo())));
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
