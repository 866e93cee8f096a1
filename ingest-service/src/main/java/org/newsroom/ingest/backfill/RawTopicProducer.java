package org.newsroom.ingest.backfill;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.eventheaders.CloudEventSerializer;

/**
 * Publishes backfilled articles to the raw topic with the settings ingest-service uses ({@code acks=all},
 * idempotent, the same JSON and CloudEvents headers), but without waiting on each send: sends are batched and each outcome arrives
 * in a callback, which is what makes a backfill fast.
 */
final class RawTopicProducer implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, ArticleReceived> producer;

    private RawTopicProducer(KafkaProducer<String, ArticleReceived> producer) {
        this.producer = producer;
    }

    /** Checks the broker answers and the raw topic exists (creating it as ingest-service would) before any send. */
    static RawTopicProducer connect(String bootstrapServers, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis()))) {
            admin.describeCluster().nodes().get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            admin.createTopics(List.of(new NewTopic(Topics.ARTICLES_RAW, Optional.of(partitions), Optional.empty())
                    .configs(Topics.topicConfig())))
                    .all().get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Kafka at " + bootstrapServers + " refused: " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Kafka", e);
        }
        KafkaProducer<String, ArticleReceived> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 50,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES,
                ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class));
        // Fetch the topic's metadata now, so the first send does not stall the run (and its rate) on it.
        producer.partitionsFor(Topics.ARTICLES_RAW);
        return new RawTopicProducer(producer);
    }

    /** Sends one article; {@code outcome} later receives null once Kafka acknowledged it, else the error. */
    void send(ArticleReceived article, Consumer<Exception> outcome) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, article.articleId(), article),
                (metadata, error) -> outcome.accept(error));
    }

    /** Returns once every send so far has its outcome. */
    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
