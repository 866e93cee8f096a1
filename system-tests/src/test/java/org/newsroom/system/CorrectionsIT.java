package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Topics;
import org.newsroom.localstack.LocalEngines;
import tools.jackson.databind.JsonNode;

/**
 * An agency item, its correction and its kill, dropped as NewsML-G2 files on real Kafka and Elasticsearch:
 * search shows only the newest version, and the kill takes the article out of search and leaves a tombstone
 * on the enriched topic and on every tag topic it was routed to.
 */
class CorrectionsIT {

    private static final Path FIXTURES = ProjectRoot.resolve("samples", "corrections");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String CORRECTED_HEADLINE = "Magnitude 6.4 earthquake shakes northern Japan, injuring three";

    private static RunningPipeline pipeline;

    @BeforeAll
    static void startPipeline() throws IOException {
        pipeline = RunningPipeline.start(LocalEngines.kafkaBootstrapServers(), LocalEngines.elasticsearchUrl(),
                RunningPipeline.freshHome("CorrectionsIT"));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void correctionReplacesTheArticleAndAKillTakesItOutOfSearchAndEveryTopic() throws IOException {
        try (KafkaConsumer<String, String> consumer = articleTopics()) {
            Map<String, List<String>> told = new HashMap<>();
            pipeline.drop(FIXTURES.resolve("newsml-g2-quake-v1.xml"));
            // Until the first article is indexed the index may not exist yet or have no shard ready (503).
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() ->
                    assertThat(pipeline.search("Sendai").path("total").asLong()).isEqualTo(1));
            String articleId = pipeline.search("Sendai").path("hits").get(0).path("id").asString();

            pipeline.drop(FIXTURES.resolve("newsml-g2-quake-v2-correction.xml"));

            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(pipeline.article(articleId).orElseThrow().path("version").asInt()).isEqualTo(2));
            // The lookup above reads in real time; search sees the new version after the index refreshes.
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode hits = pipeline.search("Sendai").path("hits");
                assertThat(hits).hasSize(1);
                assertThat(hits.get(0).path("id").asString()).isEqualTo(articleId);
                assertThat(hits.get(0).path("headline").asString()).isEqualTo(CORRECTED_HEADLINE);
                assertThat(pipeline.search("\"no immediate reports of damage\"").path("total").asLong()).isZero();
            });
            await().atMost(PATIENCE).untilAsserted(() -> {
                read(consumer, articleId, told);
                assertThat(told.get(Topics.ARTICLES_ENRICHED)).isNotNull().last().asString().contains(CORRECTED_HEADLINE);
                assertThat(tagTopics(told)).as("routed to tag topics").isNotEmpty()
                        .allSatisfy(topic -> assertThat(told.get(topic)).last().asString().contains(CORRECTED_HEADLINE));
            });
            List<String> tagTopics = tagTopics(told);

            pipeline.drop(FIXTURES.resolve("newsml-g2-quake-v3-kill.xml"));

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(pipeline.article(articleId)).isEmpty();
                assertThat(pipeline.search("Sendai").path("total").asLong()).isZero();
            });
            await().atMost(PATIENCE).untilAsserted(() -> {
                read(consumer, articleId, told);
                assertThat(told.get(Topics.ARTICLES_ENRICHED)).last().as("tombstone on the enriched topic").isNull();
                assertThat(tagTopics).allSatisfy(topic -> assertThat(told.get(topic)).last().as("tombstone on " + topic).isNull());
            });
            assertThat(pipeline.inboxFolders().done().resolve("newsml-g2-quake-v3-kill.xml")).exists();
        }
    }

    /** Records about the article, by topic, in the order each topic holds them (values as JSON, null for a tombstone). */
    private static void read(KafkaConsumer<String, String> consumer, String articleId, Map<String, List<String>> told) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (articleId.equals(record.key())) {
                told.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(record.value());
            }
        }
    }

    private static List<String> tagTopics(Map<String, List<String>> told) {
        return told.keySet().stream().filter(topic -> topic.startsWith(Topics.TAG_TOPIC_PREFIX)).sorted().toList();
    }

    /** The enriched topic and every tag topic, including those created while the test runs. */
    private static KafkaConsumer<String, String> articleTopics() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "corrections-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // New tag topics are found by the pattern only when metadata refreshes.
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(Pattern.compile(Pattern.quote(Topics.ARTICLES_ENRICHED) + "|"
                + Pattern.quote(Topics.TAG_TOPIC_PREFIX) + ".+" + Pattern.quote(Topics.TAG_TOPIC_SUFFIX)));
        return consumer;
    }
}
