package org.newsroom.enrich.routing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.deadletters.DeadLetterHeaders;
import org.newsroom.enrich.deadletters.DeadLetterMetrics;
import org.newsroom.eventheaders.CloudEventSerializer;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The per-tag routing edge, a Kafka consumer group of its own beside the Streams topology. Its producer is private
 * to it (not a bean), so Boot's auto-configured Kafka beans that the rest of the service uses stay as they are.
 * The listener commits each poll in one transaction of its own; a record it cannot route, after its retries, goes
 * to {@code articles.enriched.v1.DLT} with the cause in headers, in a transaction that commits its offset.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final String CONTAINER_FACTORY = "tagRoutingContainerFactory";

    /**
     * The one transactional producer factory the listener's sends and the dead letters share; its transactions
     * carry the consumed offsets too.
     */
    record RoutingProducer(DefaultKafkaProducerFactory<String, Object> factory) implements AutoCloseable {

        @Override
        public void close() {
            factory.destroy();
        }
    }

    @Bean
    RoutingProducer routingProducer(KafkaProperties kafka,
                                    @Value("${spring.application.name:enrich-service}") String application) {
        JacksonJsonSerializer<ArticleEnriched> json = new JacksonJsonSerializer<ArticleEnriched>().noTypeInfo();
        // Copies are events; a dead letter of a record that did not deserialise is the bytes it arrived as.
        Serializer<Object> values = new DelegatingByTypeSerializer(Map.of(
                ArticleEnriched.class, new CloudEventSerializer<>(json), byte[].class, new ByteArraySerializer()));
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), values);
        // Unique per instance: two instances with one transactional.id would fence each other. Exactly-once
        // across rebalances does not rest on the id (EOS v2 fences by consumer group metadata).
        factory.setTransactionIdPrefix(application + "-tag-router-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        return new RoutingProducer(factory);
    }

    @Bean
    RoutingMetrics routingMetrics(MeterRegistry registry) {
        return new RoutingMetrics(registry);
    }

    @Bean
    ArticleEnrichedListener articleEnrichedListener(RoutingProducer producer, KafkaAdmin admin, TaggingProperties tagging,
                                                    RoutingMetrics metrics) {
        return new ArticleEnrichedListener(new TagRoutes(tagging.routedTags(), tagging.routedSchemes()),
                new KafkaTemplate<>(producer.factory()), new TagTopics(admin, tagging.tagPartitions()), metrics);
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ArticleEnriched> tagRoutingContainerFactory(KafkaProperties kafka,
            RoutingProducer producer, RoutingProperties routing,
            @Value("${spring.application.name:enrich-service}") String application, EnrichProperties properties,
            DeadLetterMetrics deadLetters, RoutingMetrics metrics) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-tag-router");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, routing.maxBatch());
        JacksonJsonDeserializer<ArticleEnriched> values = new JacksonJsonDeserializer<>(ArticleEnriched.class, false)
                .ignoreTypeHeaders();
        // A record that does not deserialise reaches the listener without a value; the listener reports it, and
        // the error handler dead-letters it without retrying.
        ConcurrentKafkaListenerContainerFactory<String, ArticleEnriched> factory = batchContainerFactory(
                new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ErrorHandlingDeserializer<>(values)),
                committingDeadLetters(new KafkaTemplate<>(producer.factory()), deadLetters, metrics, Clock.systemUTC()));
        // A replay run must not route: the live instance already routed every article once.
        factory.setAutoStartup(!properties.replaying());
        return factory;
    }

    /**
     * Batch listener containers. The listener's own transaction commits the offsets of what it routed, so the
     * container has no transaction manager and commits nothing after a batch (manual acks, never given). On a
     * {@link org.springframework.kafka.listener.BatchListenerFailedException} the error handler commits again the
     * offsets before the failed record (the listener committed them already), retries that record, dead-letters it
     * when its retries are spent, and then delivers the records after it again.
     */
    static ConcurrentKafkaListenerContainerFactory<String, ArticleEnriched> batchContainerFactory(
            ConsumerFactory<String, ArticleEnriched> consumers, ConsumerRecordRecoverer deadLetters) {
        ConcurrentKafkaListenerContainerFactory<String, ArticleEnriched> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        factory.setCommonErrorHandler(new DefaultErrorHandler(deadLetters, new FixedBackOff(500, 3)));
        return factory;
    }

    /**
     * Dead-letters a record and commits its offset in one transaction, so a record is dead-lettered once however
     * the consumer stops. The dead letter joins that transaction because its recoverer shares the template running it.
     */
    static ConsumerAwareRecordRecoverer committingDeadLetters(KafkaOperations<String, Object> template,
                                                              DeadLetterMetrics deadLetterMetrics, RoutingMetrics metrics,
                                                              Clock clock) {
        DeadLetterPublishingRecoverer deadLetters = deadLetters(template, deadLetterMetrics, clock);
        return (record, consumer, cause) -> {
            template.executeInTransaction(operations -> {
                deadLetters.accept(record, consumer, cause);
                if (consumer != null) {
                    operations.sendOffsetsToTransaction(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)), consumer.groupMetadata());
                }
                return null;
            });
            metrics.deadLettered();
        };
    }

    /**
     * The recoverer that sends a record to its dead-letter topic. The dead-letter topic is shared with
     * query-service's indexer: {@code kafka_dlt-original-consumer-group} says which consumer gave up.
     */
    static DeadLetterPublishingRecoverer deadLetters(KafkaOperations<String, Object> template,
                                                     DeadLetterMetrics metrics, Clock clock) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, cause) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        recoverer.setExceptionHeadersCreator(new DeadLetterHeaders());
        // Called once per dead letter: the place to count it and stamp when it was given up.
        recoverer.addHeadersFunction((record, cause) -> {
            metrics.sent(record.topic());
            RecordHeaders headers = new RecordHeaders();
            DeadLetterHeaders.addFailedAt(headers, clock.instant());
            return headers;
        });
        return recoverer;
    }
}
