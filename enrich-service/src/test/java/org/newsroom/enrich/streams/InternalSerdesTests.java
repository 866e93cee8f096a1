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
import java.util.UUID;
import org.apache.fory.Fory;
import org.apache.fory.config.CompatibleMode;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Removal;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.ServiceDefaults;
import org.newsroom.enrich.corrections.LastVersion;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Fingerprinter;
import org.newsroom.enrich.tagging.TaggingProperties;

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

    @Test
    void readsBackADraftWithEveryFieldSetAndTheNamesItsMemoRecognised() {
        TaggingProperties tagging = ServiceDefaults.tagging("streams-bench-rules.yaml");
        ArticleReceived seed = Articles.seeds().get(2);
        ArticleReceived full = new ArticleReceived(UUID.randomUUID(), PUBLISHED, seed.articleId(), 3,
                new Source("wire", SourceKind.feed, "https://example.org/feed"), "html", "https://example.org/a",
                "guid-1", seed.headline(), seed.paragraphs(), PUBLISHED, "By A. Writer", new Dateline("MOSCOW", "Reuters"),
                "en", List.of(new Removal("Subscribe now", "boilerplate")), PubStatus.usable, "corr-1",
                new Extraction(Extraction.Method.articleBody, 0.75));
        Enricher.Draft rich = ServiceDefaults.enricher("test", tagging).draft(full);
        assertThat(rich.article().tags()).isNotEmpty();
        assertThat(rich.article().entities()).isNotEmpty();
        assertThat(rich.memo().recognised().mentions()).isNotEmpty();

        assertThat(InternalSerdes.article(InternalSerdes.encoded(rich.article()))).isEqualTo(rich.article());
        assertThat(InternalSerdes.memo(InternalSerdes.encoded(rich.memo()))).isEqualTo(rich.memo());
        assertThat(InternalSerdes.encoded(rich.article())).as("smaller than its JSON")
                .hasSizeLessThan(InternalSerdes.json(rich.article()).length);
    }

    @Test
    void readsTheRecordsAnEarlierReleaseWroteWithTheDraftAndMemoAsJson() throws IOException {
        byte[] articleJson = EnrichmentTopology.serde(ArticleEnriched.class).serializer().serialize("t", article);
        byte[] memoJson = EnrichmentTopology.serde(Enricher.Memo.class).serializer().serialize("t", draft.memo());
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
            assertThat(InternalSerdes.article(h.article())).isEqualTo(article);
            assertThat(InternalSerdes.memo(h.memo())).isEqualTo(draft.memo());
        }
    }

    /** A contract record as an earlier release had it: one field fewer than {@link Dateline}. */
    record DatelineBefore(String location) {
    }

    /** A contract record as a later release may have it: one field more than {@link Dateline}. */
    record DatelineAfter(String location, String agency, String country) {
    }

    @Test
    void readsAContractRecordThatGainedOrLostAFieldSinceItWasWritten() {
        int id = InternalSerdes.idOf(Dateline.class);

        Dateline fromBefore = InternalSerdes.decoded(writer(DatelineBefore.class, id)
                .serialize(new DatelineBefore("MOSCOW")), Dateline.class);
        Dateline fromAfter = InternalSerdes.decoded(writer(DatelineAfter.class, id)
                .serialize(new DatelineAfter("MOSCOW", "Reuters", "RU")), Dateline.class);

        assertThat(fromBefore).isEqualTo(new Dateline("MOSCOW", null));
        assertThat(fromAfter).isEqualTo(new Dateline("MOSCOW", "Reuters"));
    }

    @Test
    void refusesAClassItDoesNotRegister() {
        byte[] other = writer(DatelineAfter.class, 999).serialize(new DatelineAfter("MOSCOW", "Reuters", "RU"));

        assertThatThrownBy(() -> InternalSerdes.article(other)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> InternalSerdes.article(InternalSerdes.encoded(draft.memo())))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Memo");
    }

    /** Fory as {@link InternalSerdes} configures it, writing {@code type} under {@code id}. */
    private static Fory writer(Class<?> type, int id) {
        Fory fory = Fory.builder().withXlang(false).withCompatibleMode(CompatibleMode.COMPATIBLE).withRefTracking(false)
                .requireClassRegistration(true).build();
        fory.register(type, id);
        return fory;
    }

    private ArticleFindings.Enriched enriched() {
        return new ArticleFindings.Enriched(fingerprint,
                new HeldArticle(3, PUBLISHED, InternalSerdes.encoded(article), InternalSerdes.encoded(draft.memo())));
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
