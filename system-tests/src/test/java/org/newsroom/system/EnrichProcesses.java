package org.newsroom.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.localstack.Ports;
import org.newsroom.localstack.ServiceProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the ITs that run enrich-service on its own share: the raw topic on the shared broker, Reuters stories to send,
 * enrich instances launched from the built jar with state, logs and run folders of their own, and JSON in and out.
 */
final class EnrichProcesses {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private EnrichProcesses() {
    }

    /** The raw topic as the pipeline makes it (3 partitions), unless an earlier test made it already. */
    static void ensureRawTopic(String kafka) throws ExecutionException, InterruptedException {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
            if (!admin.listTopics().names().get().contains(Topics.ARTICLES_RAW)) {
                admin.createTopics(List.of(new NewTopic(Topics.ARTICLES_RAW, 3, (short) 1))).all().get();
            }
        }
    }

    /** The first {@code limit} Reuters stories with three paragraphs or more, each with a body of its own. */
    static List<ReutersStory> distinctStories(int limit) {
        Set<String> bodies = new HashSet<>();
        return Reuters21578.read(ProjectRoot.resolve("data", "reuters21578")).stream()
                .filter(s -> s.paragraphs().size() >= 3 && s.title().length() > 10)
                // Reuters repeats some bodies verbatim: those would be duplicates of each other, not originals.
                .filter(s -> bodies.add(s.body()))
                .limit(limit).toList();
    }

    /**
     * An enrich instance named {@code instance} (its state in {@code state-<instance>}, its log in
     * {@code logs-<instance>}), with {@code settings} on top of the broker and the rules file every instance shares.
     */
    static ServiceProcess launch(String kafka, Path home, String instance, Map<String, String> settings)
            throws IOException {
        Map<String, String> env = RunningPipeline.withQuickFailover(settings);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("ENRICH_STATE_DIR", home.resolve("state-" + instance).toString());
        env.put("ENRICH_TAGGING_RULES_FILE", home.resolve("rules.yaml").toString());
        return ServiceProcess.launch(ProjectRoot.path(), "enrich-service", Ports.free(), env, home,
                home.resolve("logs-" + instance), home.resolve("run-" + instance), "384m");
    }

    static KafkaProducer<String, String> producer(String kafka) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Sends {@code article} to the raw topic as ingest does (key = article id) and waits for the broker. */
    static void send(KafkaProducer<String, String> producer, ArticleReceived article) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, article.articleId(), JSON.writeValueAsString(article))).get();
    }

    /** A consumer of {@code topic} from its start that sees only committed records, as query-service does. */
    static KafkaConsumer<String, String> readCommitted(String kafka, String group, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
