package org.newsroom.enrich.streams;

import static org.awaitility.Awaitility.await;
import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.localstack.LocalEngines;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.util.FileSystemUtils;

/**
 * enrich-service Kafka Streams instances in this JVM against the shared real broker, each with its own state
 * folder, plus a producer to the raw topic and a read_committed view of the enriched topic.
 */
final class EnrichInstances implements AutoCloseable {

    private final String applicationId;
    private final Map<String, ConfigurableApplicationContext> running = new HashMap<>();
    private final KafkaConsumer<String, ArticleEnriched> enriched;
    private final List<ConsumerRecord<String, ArticleEnriched>> seen = new ArrayList<>();

    EnrichInstances(String applicationId) {
        this.applicationId = applicationId;
        // Each run has a fresh broker: local state checkpointed against an earlier one would be corrupt.
        FileSystemUtils.deleteRecursively(new File("target/it-state/" + applicationId));
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-reader");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The enriched topic is shared with other tests on this broker, whose records need not be articles:
        // those are skipped here, not read as articles.
        enriched = new KafkaConsumer<>(consumer, new StringDeserializer(),
                new org.springframework.kafka.support.serializer.ErrorHandlingDeserializer<>(serde(ArticleEnriched.class).deserializer()));
    }

    void start(String name) {
        // Command-line arguments, as the yaml's own defaults (e.g. localhost:9092) win over default properties.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StreamsOnly.class)
                .web(WebApplicationType.NONE).run(
                "--spring.kafka.bootstrap-servers=" + LocalEngines.kafkaBootstrapServers(),
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=target/it-state/" + applicationId + "/" + name,
                "--spring.kafka.streams.properties.num.stream.threads=1");
        running.put(name, context);
        enriched.subscribe(List.of(Topics.ARTICLES_ENRICHED));
        await().atMost(Duration.ofMinutes(2)).until(() -> running(context));
    }

    void stop(String name) {
        running.remove(name).close();
    }

    /** The running instance whose stream thread holds the active task {@code taskId} (e.g. {@code 1_0}). */
    String hosting(String taskId) {
        await().atMost(Duration.ofMinutes(1)).until(() -> running.values().stream()
                .filter(context -> hosts(context, taskId)).count() == 1);
        return running.entrySet().stream().filter(e -> hosts(e.getValue(), taskId)).findFirst().orElseThrow().getKey();
    }

    private static boolean hosts(ConfigurableApplicationContext context, String taskId) {
        KafkaStreams streams = context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
        return streams != null && streams.metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream())
                .anyMatch(task -> task.taskId().toString().equals(taskId));
    }

    void produce(List<ArticleReceived> articles) {
        try (KafkaProducer<String, ArticleReceived> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), serde(ArticleReceived.class).serializer())) {
            articles.forEach(a -> producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, a.articleId(), a)));
        }
    }

    void produceBytes(ProducerRecord<byte[], byte[]> record) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(record).get(); // a record the broker refuses fails here, not as a timeout later
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not produce " + record.topic() + " record", e);
        }
    }

    /** Everything committed to the enriched topic so far, in partition order. */
    synchronized List<ConsumerRecord<String, ArticleEnriched>> enriched() {
        enriched.poll(Duration.ofMillis(500)).forEach(record -> {
            if (record.headers().lastHeader(org.springframework.kafka.support.serializer.SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
                seen.add(record);
            }
        });
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        running.values().forEach(ConfigurableApplicationContext::close);
        enriched.close();
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES); // as ingest's producer
        return config;
    }

    private static boolean running(ConfigurableApplicationContext context) {
        KafkaStreams streams = context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
        return streams != null && streams.state() == KafkaStreams.State.RUNNING;
    }
}
