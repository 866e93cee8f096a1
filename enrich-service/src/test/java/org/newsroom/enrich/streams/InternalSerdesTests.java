package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.PubStatus;
import org.newsroom.enrich.Enricher;
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
