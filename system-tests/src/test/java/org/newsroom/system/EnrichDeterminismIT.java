package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.localstack.LocalEngines;
import org.newsroom.localstack.Ports;
import org.newsroom.localstack.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Same input, same answers (issue 12, item 2): the last record per article on the enriched topic is equal, every
 * field but {@code enrichedAt} and {@code eventId}, whether one enrich instance reads the raw topic straight
 * through, three instances share it while one is SIGKILLed mid-stream and started again, or a lone instance is
 * stopped mid-stream and the whole service started again. Each run is a replay run of its own (own application
 * id, state folder and output topic, as {@code ./newsroom reprocess} starts them) over the same raw records, so
 * the runs differ only in how the work was split and interrupted, which is what changes the order the memory task
 * sees articles in. The articles repeat wire stories (exact and re-headlined copies, so dedup decides), name one
 * person in two spellings (so a person's id is revised once the better-attested spelling arrives) and report
 * related events (so stories form).
 */
class EnrichDeterminismIT {

    private static final int STORIES = 40;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "determinism-" + RUN + "-";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String kafka;
    private static Path home;
    private static Set<String> ours;

    @BeforeAll
    static void writeTheRawArticlesOnce() throws Exception {
        kafka = LocalEngines.kafkaBootstrapServers();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
            if (!admin.listTopics().names().get().contains(Topics.ARTICLES_RAW)) {
                admin.createTopics(List.of(new NewTopic(Topics.ARTICLES_RAW, 3, (short) 1))).all().get();
            }
        }
        home = RunningPipeline.freshHome("enrich-determinism");
        List<ArticleReceived> articles = articles();
        ours = articles.stream().map(ArticleReceived::articleId).collect(Collectors.toSet());
        try (KafkaProducer<String, String> producer = producer()) {
            for (ArticleReceived article : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, article.articleId(),
                        JSON.writeValueAsString(article))).get();
            }
        }
    }

    @Test
    void threeInstancesWithOneKilledAndAStoppedAndRestartedInstanceAnswerAsOneInstanceDoes() throws Exception {
        Map<String, JsonNode> single = run("single", 1, Interruption.NONE);
        assertThat(single.keySet()).as("articles told by the single instance").containsExactlyInAnyOrderElementsOf(ours);
        assertThat(single.values()).as("copies decided as copies")
                .anySatisfy(a -> assertThat(a.at("/dedup/status").asString()).isEqualTo("exact_duplicate"))
                .anySatisfy(a -> assertThat(a.at("/dedup/status").asString()).isEqualTo("near_duplicate"));
        assertThat(personIds(single)).as("one person for both spellings").contains("person:juan-guaido")
                .doesNotContain("person:juan-gudaio");

        Map<String, JsonNode> three = run("three", 3, Interruption.SIGKILL_ONE);
        Map<String, JsonNode> restarted = run("restarted", 1, Interruption.RESTART_ALL);

        assertSameAnswers(three, single, "three instances, one SIGKILLed and restarted");
        assertSameAnswers(restarted, single, "one instance stopped mid-stream and started again");
    }

    private enum Interruption { NONE, SIGKILL_ONE, RESTART_ALL }

    /** One replay run to the end: the last record per article of ours, without the fields that name the run. */
    private static Map<String, JsonNode> run(String name, int instances, Interruption interruption) throws Exception {
        String replay = "det-" + RUN + "-" + name;
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
            // Created before the reader subscribes, as the service itself would create it.
            admin.createTopics(List.of(new NewTopic(Topics.replayOf(replay), 3, (short) 1))).all().get();
        }
        List<ServiceProcess> running = new ArrayList<>();
        Map<String, JsonNode> last = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(Topics.replayOf(replay))) {
            for (int i = 0; i < instances; i++) {
                running.add(enrich(replay, "i" + i));
            }
            running.forEach(ServiceProcess::awaitUp);
            if (interruption != Interruption.NONE) {
                // Mid-stream: some of our articles told, not all.
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                        .until(() -> read(consumer, last) >= 0 && last.size() >= ours.size() / 4);
                ServiceProcess victim = running.removeLast();
                if (interruption == Interruption.SIGKILL_ONE) {
                    victim.process().kill();
                } else {
                    victim.close();
                }
                ServiceProcess again = enrich(replay, "i" + (instances - 1));
                again.awaitUp();
                running.add(again);
            }
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> read(consumer, last) >= 0 && settled(replay));
            // Revisions of earlier articles follow the records that caused them: read on until nothing comes.
            int quiet = 0;
            while (quiet < 5) {
                quiet = read(consumer, last) == 0 ? quiet + 1 : 0;
            }
        } finally {
            running.forEach(ServiceProcess::close);
        }
        return last;
    }

    /** Reads what has come; returns how many records of ours that was. */
    private static int read(KafkaConsumer<String, String> consumer, Map<String, JsonNode> last) {
        int count = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (ours.contains(record.key())) {
                count++;
                if (record.value() == null) {
                    last.remove(record.key());
                } else {
                    ObjectNode article = (ObjectNode) JSON.readTree(record.value());
                    article.remove(List.of("enrichedAt", "eventId"));
                    last.put(record.key(), article);
                }
            }
        }
        return count;
    }

    /** The run has read every raw record and handed on every finding: its consumer group has no lag left. */
    private static boolean settled(String replay) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(replay)
                    .partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                return false;
            }
            Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            if (!topics.contains(Topics.ARTICLES_RAW) || topics.size() < 2) {
                return false; // the memory task has not committed its input yet
            }
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.entrySet().stream().allMatch(e -> e.getValue() != null
                    && e.getValue().offset() >= ends.get(e.getKey()).offset());
        }
    }

    private static void assertSameAnswers(Map<String, JsonNode> run, Map<String, JsonNode> single, String what) {
        assertThat(run.keySet()).as("%s: articles told", what).containsExactlyInAnyOrderElementsOf(single.keySet());
        Map<String, String> differences = new TreeMap<>();
        single.forEach((id, expected) -> {
            if (!expected.equals(run.get(id))) {
                differences.put(id, "single: " + summary(expected) + " / " + what + ": " + summary(run.get(id)));
            }
        });
        assertThat(differences).as("%s: last record per article differs from the single instance's", what).isEmpty();
    }

    private static String summary(JsonNode article) {
        return article == null ? "none" : "dedup " + article.at("/dedup") + ", story " + article.at("/storyId")
                + ", entities " + article.at("/entities").size();
    }

    private static Set<String> personIds(Map<String, JsonNode> articles) {
        Set<String> ids = new HashSet<>();
        articles.values().forEach(a -> a.at("/entities").forEach(e -> {
            if (e.at("/id").asString().startsWith("person:")) {
                ids.add(e.at("/id").asString());
            }
        }));
        return ids;
    }

    private static ServiceProcess enrich(String replay, String instance) throws IOException {
        Path root = Path.of(System.getProperty("newsroom.project.root", "..")).toAbsolutePath().normalize();
        Path dir = home.resolve(replay);
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka,
                "ENRICH_REPLAY", replay,
                "SPRING_KAFKA_STREAMS_APPLICATIONID", replay,
                "SPRING_APPLICATION_NAME", replay,
                "ENRICH_STATE_DIR", dir.resolve("state-" + instance).toString(),
                "ENRICH_TAGGING_RULES_FILE", home.resolve("rules.yaml").toString());
        return ServiceProcess.launch(root, "enrich-service", Ports.free(), env, dir, dir.resolve("logs-" + instance),
                dir.resolve("run-" + instance), "384m", "enrich-" + instance);
    }

    /**
     * Reuters stories, each with an exact copy and a re-headlined copy from other outlets; three reports naming one
     * person, the first misspelt, published in the order that makes the misspelling arrive first.
     */
    private static List<ArticleReceived> articles() {
        Set<String> bodies = new HashSet<>();
        List<ReutersStory> stories = Reuters21578.read(Path.of(System.getProperty("newsroom.project.root", ".."),
                        "data", "reuters21578")).stream()
                .filter(s -> s.paragraphs().size() >= 4 && s.title().length() > 10)
                .filter(s -> bodies.add(s.body()))
                .limit(STORIES).toList();
        Instant first = Instant.parse("2026-03-02T08:00:00Z");
        List<ArticleReceived> articles = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            ReutersStory story = stories.get(i);
            Instant at = first.plus(Duration.ofMinutes(20L * i));
            articles.add(article(PREFIX + story.newId(), "reuters", story.title(), story.paragraphs(), at));
            if (i % 2 == 0) {
                articles.add(article(PREFIX + story.newId() + "-mirror", "mirror", story.title(), story.paragraphs(),
                        at.plus(Duration.ofHours(1))));
            } else {
                List<String> trimmed = story.paragraphs().subList(0, story.paragraphs().size() - 1);
                articles.add(article(PREFIX + story.newId() + "-update", "republisher", "UPDATE 1-" + story.title(),
                        trimmed, at.plus(Duration.ofHours(2))));
            }
        }
        String[] spellings = {"Gudaio", "Guaido", "Guaido"};
        for (int i = 0; i < spellings.length; i++) {
            String name = "Juan " + spellings[i];
            articles.add(article(PREFIX + "venezuela-" + i, "wire-" + i, name + " meets envoys in Caracas",
                    List.of("CARACAS, March 3 - Venezuelan opposition leader " + name + " met European envoys on "
                                    + "Tuesday to discuss new elections, his office said.",
                            name + " told reporters the talks had been useful and that he expected more meetings "
                                    + "in the coming weeks.",
                            "The government of Nicolas Maduro did not comment on the meeting with " + name + "."),
                    first.plus(Duration.ofHours(30 + i))));
        }
        return articles;
    }

    private static ArticleReceived article(String id, String source, String headline, List<String> paragraphs,
                                           Instant publishedAt) {
        return new ArticleReceived(UUID.randomUUID(), Instant.now(), id, 1, new Source(source, SourceKind.http, null),
                "text", null, null, headline, paragraphs, publishedAt, null, null, "en", List.of(), null, null);
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
