package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.localstack.LocalEngines;
import org.newsroom.localstack.ServiceProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two enrich-service processes share a 3-partition raw topic; one is killed with SIGKILL while copies of
 * already-decided originals stream in, then restarted. Exactly-once processing must show: every article is
 * emitted once (read committed), and every copy still points at its original.
 */
class EnrichCrashIT {

    private static final int STORIES = 60;
    /** The broker is shared with the other system tests: only this test's articles are judged. */
    private static final String PREFIX = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final JsonMapper JSON = EnrichProcesses.JSON;

    @Test
    void killingAnInstanceMidStreamChangesNoDecisionAndEmitsNothingTwice() throws Exception {
        String kafka = LocalEngines.kafkaBootstrapServers();
        EnrichProcesses.ensureRawTopic(kafka);
        Path home = RunningPipeline.freshHome("enrich-crash");
        List<ReutersStory> stories = EnrichProcesses.distinctStories(STORIES);
        Map<String, ArticleEnriched> decided = new HashMap<>();
        List<ConsumerRecord<String, ArticleEnriched>> emitted = new ArrayList<>();

        try (ServiceProcess first = enrich(kafka, home, "a"); ServiceProcess second = enrich(kafka, home, "b");
             KafkaProducer<String, String> producer = EnrichProcesses.producer(kafka);
             KafkaConsumer<String, String> consumer = EnrichProcesses.readCommitted(kafka, "enrich-crash-reader",
                     Topics.ARTICLES_ENRICHED)) {
            first.awaitUp();
            second.awaitUp();
            for (ReutersStory story : stories) {
                EnrichProcesses.send(producer, article(story, "orig", story.title(), Instant.parse("2026-01-01T00:00:00Z")));
            }
            awaitDecisions(consumer, decided, emitted, STORIES);

            ServiceProcess restarted = null;
            for (int i = 0; i < stories.size(); i++) {
                ReutersStory story = stories.get(i);
                EnrichProcesses.send(producer, article(story, "copy", "UPDATE 1-" + story.title(), Instant.parse("2026-01-01T06:00:00Z")));
                if (i == stories.size() / 2) {
                    first.process().kill();
                    restarted = enrich(kafka, home, "a");
                }
                Thread.sleep(50);
            }
            restarted.awaitUp();
            awaitDecisions(consumer, decided, emitted, 2 * STORIES);
            drain(consumer, emitted);
            restarted.close();
        }

        // Every article is told; one told again is a revision (a story or a person's id that changed: a new event
        // id), never the same event twice, which is what a crash under exactly-once must not cause.
        assertThat(emitted.stream().map(ConsumerRecord::key).distinct()).as("articles on %s", Topics.ARTICLES_ENRICHED)
                .hasSize(2 * STORIES);
        assertThat(emitted.stream().map(r -> r.key() + "/" + r.value().eventId()))
                .as("events on %s", Topics.ARTICLES_ENRICHED).doesNotHaveDuplicates();
        for (ReutersStory story : stories) {
            ArticleEnriched original = decided.get(id(story, "orig"));
            ArticleEnriched copy = decided.get(id(story, "copy"));
            assertThat(original.dedup().status()).isEqualTo(DedupStatus.original);
            assertThat(copy.dedup().status()).isEqualTo(DedupStatus.exact_duplicate);
            assertThat(copy.dedup().canonicalId()).isEqualTo(original.articleId());
        }
    }

    private static ServiceProcess enrich(String kafka, Path home, String instance) throws IOException {
        return EnrichProcesses.launch(kafka, home, instance, Map.of());
    }

    private static ArticleReceived article(ReutersStory story, String role, String headline, Instant publishedAt) {
        return new ArticleReceived(UUID.randomUUID(), Instant.now(), id(story, role), 1,
                new Source(role.equals("orig") ? "reuters" : "republisher", SourceKind.http, null), "text", null, null,
                headline, story.paragraphs(), publishedAt, null, null, "en", List.of(), null, null);
    }

    private static String id(ReutersStory story, String role) {
        return PREFIX + story.newId() + "-" + role;
    }

    private static void awaitDecisions(KafkaConsumer<String, String> consumer, Map<String, ArticleEnriched> decided,
                                       List<ConsumerRecord<String, ArticleEnriched>> emitted, int expected) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (!record.key().startsWith(PREFIX)) {
                    continue;
                }
                ArticleEnriched article = JSON.readValue(record.value(), ArticleEnriched.class);
                decided.put(record.key(), article);
                emitted.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(), article));
            }
            return decided.size() >= expected;
        });
    }

    /** Anything emitted twice would follow its first copy: keep reading a little longer. */
    private static void drain(KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, ArticleEnriched>> emitted) {
        for (int i = 0; i < 10; i++) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (!record.key().startsWith(PREFIX)) {
                    continue;
                }
                emitted.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                        JSON.readValue(record.value(), ArticleEnriched.class)));
            }
        }
    }
}
