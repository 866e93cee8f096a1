package org.newsroom.enrich.streams;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Kafka Streams settings from {@code spring.kafka.streams.*}, plus what properties cannot express: a poison
 * record (one that does not deserialise) goes, as its original bytes, to the source topic's dead-letter
 * topic with the cause in headers, and processing goes on.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsSettings {

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration streamsConfiguration(KafkaProperties kafka, DeadLetterPublishingRecoverer deadLetters) {
        Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RecoveringDeserializationExceptionHandler.class);
        config.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, deadLetters);
        return new KafkaStreamsConfiguration(config);
    }

    @Bean
    DeadLetterPublishingRecoverer deadLetters(KafkaProperties kafka, EnrichmentMetrics metrics) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, cause) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        // Called once per dead-lettered record: the one place to count them; it adds no headers of its own.
        recoverer.addHeadersFunction((record, cause) -> {
            metrics.deadLettered(record.topic());
            return new RecordHeaders();
        });
        return recoverer;
    }

    @Bean
    NewTopic articlesRaw(EnrichProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_RAW).partitions(properties.rawPartitions()).build();
    }

    @Bean
    NewTopic articlesRawDeadLetters(EnrichProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_RAW_DLT).partitions(properties.rawPartitions()).build();
    }

    @Bean
    NewTopic articlesEnriched(EnrichProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_ENRICHED).partitions(properties.enrichedPartitions()).build();
    }

    @Bean
    NewTopic articlesEnrichedDeadLetters(EnrichProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_ENRICHED_DLT).partitions(properties.enrichedPartitions()).build();
    }
}
