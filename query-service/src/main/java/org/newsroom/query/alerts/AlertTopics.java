package org.newsroom.query.alerts;

import org.apache.kafka.clients.admin.NewTopic;
import org.newsroom.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** query-service is the producer of {@code alerts.matched.v1}, so it creates the topic (brokers do not auto-create). */
@Configuration(proxyBeanMethods = false)
class AlertTopics {

    @Bean
    NewTopic alertsMatched(AlertProperties properties) {
        return TopicBuilder.name(Topics.ALERTS_MATCHED).partitions(properties.partitions()).build();
    }
}
