package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.dedup.Bucket;
import org.newsroom.enrich.dedup.Decision;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Fingerprinter;
import org.newsroom.enrich.dedup.Match;
import org.newsroom.enrich.dedup.Verification.Similarity;
import org.newsroom.enrich.streams.DedupSerdes.EncodedArticle;

class DedupSerdesTests {

    private static final DedupSettings SETTINGS = DedupSettings.defaults();
    private static final Instant PUBLISHED = Instant.parse("2019-05-06T12:00:00.123456789Z");

    private final ArticleEnriched article = new Enricher("test", java.time.Clock.systemUTC())
            .enrich(Articles.seeds().getFirst());
    private final Fingerprint fingerprint = new Fingerprinter(SETTINGS)
            .fingerprint(article.articleId(), PUBLISHED, article.paragraphs());
    private final Match match = new Match(article.articleId(), "other-1", PUBLISHED.minusSeconds(60),
            new Similarity(DedupStatus.near_duplicate, 0.71875, 0.93, "minhash-lsh"));

    @Test
    void readsBackEveryRecordTheTopologyWrites() {
        assertThat(roundTrip(DedupSerdes.fingerprints(), fingerprint)).isEqualTo(fingerprint);

        BucketEntries entries = BucketEntries.of(fingerprint, SETTINGS, 3).getFirst();
        assertThat(roundTrip(DedupSerdes.bucketEntries(), entries)).isEqualTo(entries);

        assertThat(roundTrip(DedupSerdes.decisionInputs(), new DecisionInput.Checked(14, List.of(match))))
                .isEqualTo(new DecisionInput.Checked(14, List.of(match)));
        assertThat(roundTrip(DedupSerdes.decisionInputs(), new DecisionInput.Matched(match)))
                .isEqualTo(new DecisionInput.Matched(match));
        DecisionInput.Arrived arrived = (DecisionInput.Arrived) roundTrip(DedupSerdes.decisionInputs(),
                new DecisionInput.Arrived(EncodedArticle.of(article), fingerprint));
        assertThat(arrived.fingerprint()).isEqualTo(fingerprint);
        assertThat(arrived.article().decoded()).isEqualTo(article);
        assertThat(arrived.article().version()).isEqualTo(article.version());

        Decision decision = Decision.originalOf(fingerprint).improvedBy(match).orElseThrow();
        ArticleDecision state = roundTrip(DedupSerdes.articleDecisions(),
                new ArticleDecision(EncodedArticle.of(article), decision, 1234L, 7));
        assertThat(state.decision()).isEqualTo(decision);
        assertThat(state.arrivedAt()).isEqualTo(1234L);
        assertThat(state.uncheckedBuckets()).isEqualTo(7);
        assertThat(state.decided()).isEqualTo(article.withDedup(decision.dedup()).withEventId(state.decided().eventId()));
    }

    @Test
    void rejectsBytesThatAreNotItsFormat() {
        byte[] json = "{\"articleId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DedupSerdes.fingerprints().deserializer().deserialize("t", json))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format");
    }

    @Test
    void groupsEachBucketOnceIntoThePartitionThatOwnsIt() {
        List<BucketEntries> entries = BucketEntries.of(fingerprint, SETTINGS, 3);

        assertThat(entries).hasSizeLessThanOrEqualTo(3).allSatisfy(e -> {
            assertThat(e.fingerprint()).isEqualTo(fingerprint);
            assertThat(e.buckets()).allSatisfy(b -> assertThat(BucketEntries.partitionOf(b, 3)).isEqualTo(e.partition()));
        });
        assertThat(entries.stream().flatMap(e -> e.buckets().stream()))
                .containsExactlyInAnyOrderElementsOf(Bucket.of(fingerprint, SETTINGS));
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
