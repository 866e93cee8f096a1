package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.KafkaRecords;
import org.newsroom.localstack.LocalEngines;

/**
 * Two enrich-service instances on a real broker, the raw topic at three partitions: copies that land on other
 * partitions than their originals are found, and stopping the instance that holds the memory task mid-stream
 * changes no decision and emits no article twice (as read by a read_committed consumer).
 */
class DedupScaleOutIT {

    private static final int STORIES = 30;
    private static final String MEMORY_TASK = "1_0";

    private static EnrichInstances instances;

    @BeforeAll
    static void startTwoInstances() {
        instances = new EnrichInstances("dedup-scale-out");
        instances.start("a");
        instances.start("b");
    }

    @AfterAll
    static void stopInstances() {
        instances.close();
    }

    @Test
    void detectsCopiesAcrossPartitionsAndSurvivesLosingAnInstanceMidStream() {
        List<ArticleReceived> originals = reutersStories();
        List<ArticleReceived> articles = new ArrayList<>(originals);
        Map<String, String> originalOf = new HashMap<>();
        for (ArticleReceived original : originals) {
            for (ArticleReceived copy : List.of(Articles.exactCopyOf(original, original.articleId() + "-mirror"),
                    Articles.trimmedCopyOf(original, original.articleId() + "-trimmed"))) {
                articles.add(copy);
                originalOf.put(copy.articleId(), original.articleId());
            }
        }
        assertThat(originalOf.entrySet()).filteredOn(e -> partition(e.getKey()) != partition(e.getValue()))
                .as("copies on another raw partition than their original").hasSizeGreaterThan(STORIES / 2);

        int half = articles.size() / 2;
        instances.produce(articles.subList(0, half));
        await().atMost(Duration.ofMinutes(2)).until(() -> instances.enriched().size() >= half / 2);
        // The instance holding the memory task (sub-topology 1, one partition) goes: the other restores its stores
        // and rebuilds the dedup index from the held articles, and must still find the copies of the first half.
        String stopped = instances.hosting(MEMORY_TASK);
        Instant stopping = Instant.now();
        instances.stop(stopped);
        instances.produce(articles.subList(half, articles.size()));
        // The stopped instance left its group: the other took the task at once, not after the session timeout (45 s).
        instances.hosting(MEMORY_TASK);
        assertThat(Duration.between(stopping, Instant.now())).as("time until the other instance held the memory task")
                .isLessThan(Duration.ofSeconds(30));

        Set<String> expected = articles.stream().map(ArticleReceived::articleId).collect(HashSet::new, Set::add, Set::addAll);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, ArticleEnriched> last = lastDecisions(instances.enriched());
            assertThat(last.keySet()).as("articles emitted").containsAll(expected);
            assertThat(originalOf).allSatisfy((copy, original) ->
                    assertThat(last.get(copy).dedup().canonicalId()).as(copy).isEqualTo(original));
        });

        // The topic is shared with the module's other ITs (same broker): judge only this test's articles.
        List<ConsumerRecord<String, ArticleEnriched>> records = instances.enriched().stream()
                .filter(r -> expected.contains(r.key())).toList();
        Map<String, ArticleEnriched> last = lastDecisions(records);
        originals.forEach(o -> assertThat(last.get(o.articleId()).dedup().status()).isEqualTo(DedupStatus.original));
        originalOf.forEach((copy, original) -> assertThat(last.get(copy).dedup().status()).isEqualTo(
                copy.endsWith("-mirror") ? DedupStatus.exact_duplicate : DedupStatus.near_duplicate));
        assertThat(records).extracting(r -> r.key() + " " + r.value().dedup())
                .as("an article is only re-emitted with a new decision").doesNotHaveDuplicates();
    }

    @Test
    void sendsPoisonRecordsAndArticlesTooLargeOnceEnrichedToTheDeadLetterTopicWithTheCauseAndGoesOn() {
        instances.produceBytes(new ProducerRecord<>(Topics.ARTICLES_RAW, "poison-1".getBytes(StandardCharsets.UTF_8),
                "{not json".getBytes(StandardCharsets.UTF_8)));
        // A record the broker takes (as ingest would send it, under the record limit) whose enrichment would not fit.
        byte[] huge = serde(ArticleReceived.class).serializer().serialize(Topics.ARTICLES_RAW,
                Articles.ofJsonSize("huge-1", RecordLimit.MAX_VALUE_BYTES - 256));
        instances.produceBytes(new ProducerRecord<>(Topics.ARTICLES_RAW, "huge-1".getBytes(StandardCharsets.UTF_8),
                huge));
        ArticleReceived after = Articles.seeds().get(3);
        instances.produce(List.of(after));

        // By key: the two arrived on different raw partitions, so in either order, among the module's other dead letters.
        Map<String, ConsumerRecord<byte[], byte[]>> dead = KafkaRecords.awaitCommitted(LocalEngines.kafkaBootstrapServers(),
                Topics.ARTICLES_RAW_DLT, Set.of("poison-1", "huge-1"), Duration.ofMinutes(1));
        assertThat(new String(dead.get("poison-1").value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        // Compared, not printed: eight megabytes.
        assertThat(Arrays.equals(dead.get("huge-1").value(), huge)).as("the bytes it arrived as").isTrue();
        assertThat(KafkaRecords.header(dead.get("huge-1").headers(), "kafka_dlt-exception-fqcn"))
                .isEqualTo(RecordTooLargeException.class.getName());
        assertThat(KafkaRecords.header(dead.get("huge-1").headers(), "kafka_dlt-exception-message")).as("refused by RecordLimit.checkArticle")
                .startsWith("An enriched article of");
        for (ConsumerRecord<byte[], byte[]> record : dead.values()) {
            assertThat(KafkaRecords.header(record.headers(), "kafka_dlt-exception-message")).isNotBlank();
            assertThat(KafkaRecords.header(record.headers(), "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES_RAW);
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> lastDecisions(instances.enriched()).containsKey(after.articleId()));
        assertThat(lastDecisions(instances.enriched()).containsKey("huge-1")).as("the huge article enriched").isFalse();
    }

    private static Map<String, ArticleEnriched> lastDecisions(List<ConsumerRecord<String, ArticleEnriched>> records) {
        Map<String, ArticleEnriched> last = new HashMap<>();
        records.forEach(r -> last.put(r.key(), r.value()));
        return last;
    }

    /** Distinct Reuters stories of 8+ paragraphs (so a copy without its last three is well within LSH reach). */
    private static List<ArticleReceived> reutersStories() {
        List<ArticleReceived> stories = new ArrayList<>();
        Set<String> bodies = new HashSet<>();
        for (ReutersStory s : Reuters21578.read(Path.of("..", "data", "reuters21578"))) {
            if (s.paragraphs().size() >= 8 && bodies.add(s.body()) && stories.size() < STORIES) {
                stories.add(Articles.article("reuters-" + s.newId(), "reuters",
                        Articles.FIRST_PUBLISHED.plusSeconds(3600L * stories.size()), s.title(), s.paragraphs()));
            }
        }
        return stories;
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }
}
