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
        ArticleFindings.Enriched enriched = new ArticleFindings.Enriched(3, fingerprint,
                InternalSerdes.deflated(InternalSerdes.json(article)),
                InternalSerdes.deflated(draft.memo()));

        assertThat(roundTrip(InternalSerdes.findings(), enriched)).isEqualTo(enriched);
        assertThat(roundTrip(InternalSerdes.held(), enriched)).isEqualTo(enriched);
        assertThat(roundTrip(InternalSerdes.findings(), new ArticleFindings.TakenOut(4, PubStatus.canceled)))
                .isEqualTo(new ArticleFindings.TakenOut(4, PubStatus.canceled));
        assertThat(InternalSerdes.inflated(enriched.article())).isEqualTo(article);
        assertThat(InternalSerdes.memo(enriched.memo())).isEqualTo(draft.memo());
    }

    @Test
    void carriesTheArticleDeflatedToUnderSixTenthsOfItsJson() {
        byte[] json = InternalSerdes.json(article);

        assertThat(InternalSerdes.deflated(json).length).isLessThan(json.length * 6 / 10);
    }

    @Test
    void rejectsBytesThatAreNotItsFormat() {
        byte[] json = "{\"articleId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> InternalSerdes.findings().deserializer().deserialize("t", json))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format");
        byte[] deflated = InternalSerdes.deflated(InternalSerdes.json(article));
        assertThatThrownBy(() -> InternalSerdes.inflated(Arrays.copyOf(deflated, deflated.length / 2)))
                .isInstanceOf(SerializationException.class);
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
