package org.newsroom.enrich.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Enrichment;
import org.newsroom.contracts.Tag;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.EnrichApplication;
import org.newsroom.enrich.SeedArticles;
import org.newsroom.localstack.LocalEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole enrich-service on the real broker: raw articles in, and a consumer that subscribes to nothing
 * but {@code articles.tag.venezuela.v1} gets the five seeds and none of an unrelated Reuters backfill; a batch
 * with records the router cannot route is routed around them.
 */
@SpringBootTest(classes = EnrichApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
// Closed with the class, while the broker still runs: at JVM exit the broker may go first and the clients hang.
@DirtiesContext
class TagSubscriptionIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Logger LOG = LoggerFactory.getLogger(TagSubscriptionIT.class);

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
    }

    @Test
    void venezuelaSubscriberGetsTheSeedsAndNothingFromAnUnrelatedBackfill(@Autowired MeterRegistry meters) {
        List<ArticleReceived> seeds = SeedArticles.seeds().stream().map(a -> renamed(a, "seed")).toList();
        List<ArticleReceived> backfill = unrelatedReuters(40);
        Set<String> backfillIds = new HashSet<>(backfill.stream().map(ArticleReceived::articleId).toList());
        RouterCount before = RouterCount.of(meters);

        publish(Stream.concat(seeds.stream(), backfill.stream()).toList());

        Set<String> all = new HashSet<>(backfillIds);
        seeds.forEach(a -> all.add(a.articleId()));
        assertThat(enrichedIds(all)).containsAll(all);

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
        RouterCount.after(meters, before, all.size()).log("45 articles as enrich-service writes them");
    }

    /**
     * One transaction of 100 enriched records, so one poll, with two the router cannot route in it: one whose
     * dropped-tags header is not JSON (retried, then dead-lettered) and one that does not deserialise (dead-lettered
     * at once). The 98 others reach their tag topic once each, the two reach the dead-letter topic once each.
     */
    @Test
    void aBatchRoutesAroundTheRecordsItCannotRouteWhichAloneAreDeadLettered(@Autowired MeterRegistry meters) {
        Tag batchCheck = new Tag("batch-check-" + RUN, "Batch check " + RUN, "newsroom", 0.9, List.of("test"));
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "batch-" + RUN + "-" + i;
            byte[] value = i == 70 ? "{not json".getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(
                    ArticleEnriched.of(SeedArticles.article(id, "Headline", List.of("Body."), null), new Enrichment(
                            "test", List.of(batchCheck), List.of(), Dedup.originalOf(id, "none"), id), Instant.now()));
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES_ENRICHED, 0, id, value);
            if (i == 30) {
                record.headers().add(DroppedTags.HEADER, "not json".getBytes(StandardCharsets.UTF_8));
            }
            batch.add(record);
        }
        RouterCount before = RouterCount.of(meters);

        publishInOneTransaction(batch);

        List<String> routed = new ArrayList<>();
        try (KafkaConsumer<String, String> subscriber = consumer(Topics.tagTopic(TagRoutes.slug(batchCheck.label())))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                subscriber.poll(Duration.ofMillis(500)).forEach(r -> routed.add(r.key()));
                assertThat(routed).hasSize(98);
            });
        }
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (KafkaConsumer<String, String> deadLetters = consumer(Topics.deadLetterOf(Topics.ARTICLES_ENRICHED))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                deadLetters.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key().startsWith("batch-" + RUN + "-")) {
                        dead.add(r);
                    }
                });
                assertThat(dead).hasSize(2);
            });
        }
        assertThat(new HashSet<>(routed)).hasSize(98).doesNotContain("batch-" + RUN + "-30", "batch-" + RUN + "-70");
        assertThat(dead).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("batch-" + RUN + "-30", "batch-" + RUN + "-70");
        assertThat(dead).filteredOn(r -> r.key().endsWith("-70")).extracting(ConsumerRecord::value)
                .containsExactly("{not json");
        assertThat(dead).allSatisfy(r -> assertThat(new String(r.headers().lastHeader(
                KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).value(), StandardCharsets.UTF_8)).endsWith("-tag-router"));
        RouterCount counted = RouterCount.after(meters, before, 98).log("one poll of 100, two of them dead-lettered");
        assertThat(counted.transactions()).as("transactions, not one per record").isLessThan(20);
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
    private Set<String> enrichedIds(Set<String> wanted) {
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> enriched = consumer(Topics.ARTICLES_ENRICHED)) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> r : enriched.poll(Duration.ofMillis(500))) {
                    if (wanted.contains(r.key())) {
                        seen.add(r.key());
                    }
                }
                assertThat(seen).containsAll(wanted);
            });
        }
        return seen;
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

    private static void publishInOneTransaction(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tag-subscription-it-" + RUN),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(producer::send);
            producer.commitTransaction();
        }
    }

    /** The router's counters, {@link RoutingMetrics}, or how much they grew over a test. */
    private record RouterCount(double records, double transactions) {

        static RouterCount of(MeterRegistry meters) {
            return new RouterCount(meters.get(RoutingMetrics.RECORDS).counter().count(),
                    meters.get(RoutingMetrics.TRANSACTIONS).counter().count());
        }

        /** Once the router has committed at least {@code records} more records than {@code before}. */
        static RouterCount after(MeterRegistry meters, RouterCount before, int records) {
            await().atMost(Duration.ofSeconds(60)).until(() -> of(meters).records() - before.records() >= records);
            RouterCount now = of(meters);
            return new RouterCount(now.records() - before.records(), now.transactions() - before.transactions());
        }

        RouterCount log(String what) {
            LOG.info("Tag router, {}: {} records in {} transactions, {} transactions per record", what,
                    (long) records, (long) transactions, String.format(Locale.ROOT, "%.3f", transactions / records));
            return this;
        }
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
