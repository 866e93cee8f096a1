package org.newsroom.enrich.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.EnrichApplication;
import org.newsroom.enrich.KafkaRecords;
import org.newsroom.enrich.SeedArticles;
import org.newsroom.localstack.LocalEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole enrich-service on the real broker: raw articles in, and a consumer that subscribes to nothing
 * but {@code articles.tag.venezuela.v1} gets the five seeds and none of an unrelated Reuters backfill; a correction
 * that drops the tag, or a kill, takes its article out of that topic. The copies are written by the Streams
 * topology itself, in its exactly-once transactions.
 */
@SpringBootTest(classes = EnrichApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
// Closed with the class, while the broker still runs: at JVM exit the broker may go first and the clients hang.
@DirtiesContext
class TagSubscriptionIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path state;

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", LocalEngines::kafkaBootstrapServers);
        registry.add("spring.kafka.streams.application-id", () -> "enrich-tagging-it-" + RUN);
        registry.add("spring.kafka.streams.state-dir", () -> state.resolve("streams").toString());
        registry.add("spring.application.name", () -> "enrich-tagging-it-" + RUN);
        registry.add("enrich.tagging.rules-file", () -> state.resolve("rules.yaml").toString());
        registry.add("enrich.tagging.rules-check-interval", () -> "0s");
        // Places are routed only where a deployment asks for it (the default routes the newsroom's own rules).
        registry.add("enrich.tagging.routed-schemes", () -> "place,newsroom,iptc-mediatopic");
    }

    @Test
    void venezuelaSubscriberGetsTheSeedsAndNothingFromAnUnrelatedBackfill() {
        List<ArticleReceived> seeds = SeedArticles.seeds().stream().map(a -> renamed(a, "seed")).toList();
        List<ArticleReceived> backfill = unrelatedReuters(40);
        Set<String> backfillIds = new HashSet<>(backfill.stream().map(ArticleReceived::articleId).toList());
        publish(Stream.concat(seeds.stream(), backfill.stream()).toList());

        Set<String> all = new HashSet<>(backfillIds);
        seeds.forEach(a -> all.add(a.articleId()));
        awaitEnriched(all);

        Set<String> routed = new HashSet<>();
        try (KafkaConsumer<String, String> venezuela = consumer(Topics.tagTopic("venezuela"))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> r : venezuela.poll(Duration.ofMillis(500))) {
                    routed.add(r.key());
                }
                assertThat(routed).containsAll(seeds.stream().map(ArticleReceived::articleId).toList());
            });
        }
        assertThat(routed).doesNotContainAnyElementsOf(backfillIds);
    }

    /**
     * A correction that no longer mentions Venezuela, and a kill, each leave a tombstone under their article's key
     * in the Venezuela topic, after the copy of the version that was routed there. That version may be told more
     * than once before (a revision: these copies of the seeds join the seeds' story and people), never after.
     */
    @Test
    void aCorrectionThatDropsTheTagAndAKillTakeTheArticleOutOfTheTagTopic() {
        ArticleReceived corrected = renamed(SeedArticles.seeds().get(2), "corrected");
        ArticleReceived killed = renamed(SeedArticles.seeds().get(3), "killed");
        ArticleReceived unrelated = unrelatedReuters(1).getFirst();

        publish(List.of(corrected, killed));
        publish(List.of(versionOf(corrected, 2, PubStatus.usable, unrelated.headline(), unrelated.paragraphs()),
                versionOf(killed, 2, PubStatus.canceled, killed.headline(), List.of())));

        Map<String, List<String>> told = new HashMap<>();
        try (KafkaConsumer<String, String> venezuela = consumer(Topics.tagTopic("venezuela"))) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> r : venezuela.poll(Duration.ofMillis(500))) {
                    told.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value() == null ? "tombstone" : "copy");
                }
                for (String id : List.of(corrected.articleId(), killed.articleId())) {
                    List<String> records = told.get(id);
                    assertThat(records).as(id).isNotNull().startsWith("copy").endsWith("tombstone");
                    assertThat(records).as(id).containsOnlyOnce("tombstone");
                }
            });
        }
    }

    @Test
    void aRuleAddedToTheRunningServiceTagsAndRoutesTheNextArticle() throws IOException {
        Path rules = state.resolve("rules.yaml");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(rules));
        Files.writeString(rules, Files.readString(rules) + """

                  - id: pompeo-watch
                    label: Pompeo watch
                    entities: [person:mike-pompeo]
                """);
        Files.setLastModifiedTime(rules, FileTime.from(Instant.now().plusSeconds(1)));
        ArticleReceived next = renamed(SeedArticles.seeds().get(1), "after-edit");

        publish(List.of(next));

        try (KafkaConsumer<String, String> watch = consumer(Topics.tagTopic("pompeo-watch"))) {
            Set<String> routed = new HashSet<>();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                watch.poll(Duration.ofMillis(500)).forEach(r -> routed.add(r.key()));
                assertThat(routed).contains(next.articleId());
            });
        }
    }

    /** Waits until the backfill has been enriched, so its absence from the tag topic means something. */
    private static void awaitEnriched(Set<String> wanted) {
        KafkaRecords.awaitCommitted(LocalEngines.kafkaBootstrapServers(), Topics.ARTICLES_ENRICHED, wanted,
                Duration.ofSeconds(120));
    }

    private static List<ArticleReceived> unrelatedReuters(int count) {
        return Reuters21578.read(SeedArticles.repoRoot().resolve("data/reuters21578")).stream()
                .filter(s -> s.split() == ReutersStory.ModApte.test && !s.paragraphs().isEmpty())
                .filter(s -> !(s.title() + s.body()).toLowerCase(Locale.ROOT).contains("venezuela"))
                .limit(count).map(SeedArticles::reuters).map(a -> renamed(a, "reuters")).toList();
    }

    private static ArticleReceived renamed(ArticleReceived a, String prefix) {
        return new ArticleReceived(a.eventId(), a.occurredAt(), prefix + "-" + RUN + "-" + a.articleId(), a.version(),
                a.source(), a.format(), a.url(), a.guid(), a.headline(), a.paragraphs(), a.publishedAt(), a.byline(),
                a.dateline(), a.language(), a.removed(), a.pubStatus(), a.correlationId());
    }

    private void publish(List<ArticleReceived> articles) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            articles.forEach(a -> producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, a.articleId(),
                    json.writeValueAsString(a))));
        }
    }

    private static ArticleReceived versionOf(ArticleReceived a, int version, PubStatus status, String headline,
                                             List<String> paragraphs) {
        return new ArticleReceived(UUID.randomUUID(), a.occurredAt(), a.articleId(), version, a.source(), a.format(),
                a.url(), a.guid(), headline, paragraphs, a.publishedAt(), a.byline(), a.dateline(), a.language(),
                a.removed(), status, a.correlationId());
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "tag-subscriber-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
