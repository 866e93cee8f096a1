package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
import org.newsroom.enrich.ServiceDefaults;
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
        assertThat(DraftEncoding.article(enriched.held().article())).isEqualTo(article);
        assertThat(DraftEncoding.memo(enriched.held().memo())).isEqualTo(draft.memo());
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
    void writesTheVersionGatesRecordsInTheFormatTheReleaseBeforeReads() {
        LastVersion shown = LastVersion.of(3, PubStatus.usable, List.of(new Tag("quakes", null, "newsroom", 1,
                List.of())), 5, 42L);

        assertThat(InternalSerdes.versions().serializer().serialize("t", shown)[0]).isEqualTo((byte) 4);
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

    @Test
    void readsTheRecordsAnEarlierReleaseWroteWithTheDraftAndMemoAsJson() throws IOException {
        Enricher.Draft named = ServiceDefaults.enricher("test", ServiceDefaults.tagging("internal-serdes-rules.yaml"))
                .draft(Articles.seeds().get(2));
        assertThat(named.memo().recognised().mentions()).isNotEmpty();
        byte[] articleJson = EnrichmentTopology.serde(ArticleEnriched.class).serializer().serialize("t", named.article());
        byte[] memoJson = EnrichmentTopology.serde(Enricher.Memo.class).serializer().serialize("t", named.memo());
        // Format 4, byte by byte as session 14's release wrote a findings record and a held article.
        ByteArrayOutputStream findings = new ByteArrayOutputStream();
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(findings); DataOutputStream h = new DataOutputStream(held)) {
            out.writeByte(4);
            out.writeByte(1);
            out.writeUTF(fingerprint.articleId());
            out.writeLong(PUBLISHED.getEpochSecond());
            out.writeInt(PUBLISHED.getNano());
            out.writeLong(fingerprint.contentHash());
            out.writeInt(fingerprint.shingleCount());
            out.writeShort(fingerprint.signature().length);
            for (int value : fingerprint.signature()) {
                out.writeInt(value);
            }
            out.writeLong(fingerprint.leadHash());
            h.writeByte(4);
            for (DataOutputStream o : List.of(out, h)) {
                o.writeInt(3);
                o.writeLong(PUBLISHED.getEpochSecond());
                o.writeInt(PUBLISHED.getNano());
                o.writeInt(articleJson.length);
                o.write(articleJson);
                o.writeInt(memoJson.length);
                o.write(memoJson);
            }
        }

        ArticleFindings.Enriched read = (ArticleFindings.Enriched) InternalSerdes.findings().deserializer()
                .deserialize("t", findings.toByteArray());
        HeldArticle heldRead = InternalSerdes.held().deserializer().deserialize("t", held.toByteArray());

        assertThat(read.fingerprint()).isEqualTo(fingerprint);
        for (HeldArticle h : List.of(read.held(), heldRead)) {
            assertThat(h.version()).isEqualTo(3);
            assertThat(h.publishedAt()).isEqualTo(PUBLISHED);
            assertThat(DraftEncoding.article(h.article())).isEqualTo(named.article());
            assertThat(DraftEncoding.memo(h.memo())).isEqualTo(named.memo());
        }
    }

    private ArticleFindings.Enriched enriched() {
        return new ArticleFindings.Enriched(fingerprint,
                new HeldArticle(3, PUBLISHED, DraftEncoding.encoded(article), DraftEncoding.encoded(draft.memo())));
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
