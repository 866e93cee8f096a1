package org.newsroom.query.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.newsroom.contracts.Topics;
import org.newsroom.localstack.LocalEngines;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at the engines {@code LocalEngines} starts, and creates the article topic that
 * enrich-service would create in a running system.
 */
public class LocalEnginesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String kafka = LocalEngines.kafkaBootstrapServers();
        String elasticsearch = LocalEngines.elasticsearchUrl();
        createTopics(kafka, Topics.ARTICLES_ENRICHED, Topics.ARTICLES_ENRICHED_DLT);
        TestPropertyValues.of("spring.kafka.bootstrap-servers=" + kafka, "spring.elasticsearch.uris=" + elasticsearch)
                .applyTo(context);
    }

    private static void createTopics(String bootstrapServers, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create " + topic, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
