package org.newsroom.ingest.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.newsroom.contracts.Topics;
import org.newsroom.ingest.IngestProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the raw topic and its dead-letter topic; Spring's KafkaAdmin creates them when missing, with the
 * project's record limit ({@link Topics#topicConfig()}) whatever the broker's default.
 */
@Configuration(proxyBeanMethods = false)
class RawTopics {

    @Bean
    NewTopic articlesRaw(IngestProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_RAW).partitions(properties.rawPartitions())
                .configs(Topics.topicConfig()).build();
    }

    @Bean
    NewTopic articlesRawDeadLetters(IngestProperties properties) {
        return TopicBuilder.name(Topics.ARTICLES_RAW_DLT).partitions(properties.rawPartitions())
                .configs(Topics.topicConfig()).build();
    }
}
