package org.newsroom.enrich.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.deadletters.DeadLetterMetrics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Kafka Streams settings from {@code spring.kafka.streams.*}, plus what properties cannot express: a poison
 * record (one that does not deserialise, whose processing throws, or whose output is too large to write or does
 * not serialise) goes, as its original bytes, to {@code articles.raw.v1.DLT} with the cause in headers, and
 * processing goes on ({@link PoisonRecords}); a stream thread that dies anyway is replaced
 * ({@link StreamThreadFailures}). RocksDB stores are compressed on disk ({@link CompressedStores}).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsSettings {

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration streamsConfiguration(KafkaProperties kafka, DeadLetterMetrics deadLetters) {
        Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
        config.putAll(PoisonRecords.settings(deadLetters));
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, CompressedStores.class);
        return new KafkaStreamsConfiguration(config);
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(MeterRegistry registry) {
        return new DeadLetterMetrics(registry);
    }

    @Bean
    StreamThreadFailures streamThreadFailures(MeterRegistry registry) {
        return new StreamThreadFailures(registry, Clock.systemUTC());
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer streamThreadReplacement(StreamThreadFailures failures) {
        return factory -> factory.setStreamsUncaughtExceptionHandler(failures);
    }

    /**
     * An instance that stops leaves its group, so the others take its tasks at once. Streams' default is to stay
     * (it spares a rebalance when a member with a static {@code group.instance.id} comes straight back), but these
     * instances are dynamic members: a restarted one joins under a new member id anyway, and until the old one's
     * session timed out (45 s) its partitions would go unprocessed, in a rolling deploy as after {@code ./newsroom up}
     * is stopped and started again.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
        return factory -> factory.setLeaveGroupOnClose(true);
    }

    @Bean
    NewTopic articlesRaw(EnrichProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_RAW).partitions(properties.rawPartitions())
                .configs(Topics.topicConfig()).build();
    }

    @Bean
    NewTopic articlesRawDeadLetters(EnrichProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_RAW_DLT).partitions(properties.rawPartitions())
                .configs(Topics.topicConfig()).build();
    }

    @Bean
    NewTopic articlesEnriched(EnrichProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_ENRICHED).partitions(properties.enrichedPartitions())
                .configs(Topics.topicConfig()).build();
    }

    @Bean
    NewTopic articlesEnrichedDeadLetters(EnrichProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_ENRICHED_DLT).partitions(properties.enrichedPartitions())
                .configs(Topics.topicConfig()).build();
    }
}
