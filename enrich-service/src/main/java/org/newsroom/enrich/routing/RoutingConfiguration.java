package org.newsroom.enrich.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.eventheaders.CloudEventSerializer;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The per-tag routing edge, a Kafka consumer group of its own beside the Streams topology. Its producer
 * and transaction manager are private to it (not beans), so Boot's auto-configured Kafka beans that the
 * rest of the service uses stay as they are.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final String CONTAINER_FACTORY = "tagRoutingContainerFactory";

    /**
     * The template and the container's transaction manager must share this one producer factory: that is how
     * the sends join the transaction that also commits the consumed offset.
     */
    record RoutingProducer(DefaultKafkaProducerFactory<String, ArticleEnriched> factory) implements AutoCloseable {

        @Override
        public void close() {
            factory.destroy();
        }
    }

    @Bean
    RoutingProducer routingProducer(KafkaProperties kafka,
                                    @Value("${spring.application.name:enrich-service}") String application) {
        JacksonJsonSerializer<ArticleEnriched> values = new JacksonJsonSerializer<ArticleEnriched>().noTypeInfo();
        DefaultKafkaProducerFactory<String, ArticleEnriched> factory = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new CloudEventSerializer<>(values));
        // Unique per instance: two instances with one transactional.id would fence each other. Exactly-once
        // across rebalances does not rest on the id (EOS v2 fences by consumer group metadata).
        factory.setTransactionIdPrefix(application + "-tag-router-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        return new RoutingProducer(factory);
    }

    @Bean
    ArticleEnrichedListener articleEnrichedListener(RoutingProducer producer, KafkaAdmin admin, TaggingProperties tagging) {
        return new ArticleEnrichedListener(new TagRoutes(tagging.routedTags(), tagging.routedSchemes()),
                new KafkaTemplate<>(producer.factory()), admin, tagging.tagPartitions());
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ArticleEnriched> tagRoutingContainerFactory(KafkaProperties kafka,
            RoutingProducer producer, @Value("${spring.application.name:enrich-service}") String application,
            EnrichProperties properties) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-tag-router");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        JacksonJsonDeserializer<ArticleEnriched> values = new JacksonJsonDeserializer<>(ArticleEnriched.class, false)
                .ignoreTypeHeaders();
        ConcurrentKafkaListenerContainerFactory<String, ArticleEnriched> factory = new ConcurrentKafkaListenerContainerFactory<>();
        // A record that does not deserialise reaches the error handler (logged, skipped) instead of looping.
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(values)));
        factory.getContainerProperties().setKafkaAwareTransactionManager(new KafkaTransactionManager<>(producer.factory()));
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(500, 3)));
        // A replay run must not route: the live instance already routed every article once.
        factory.setAutoStartup(!properties.replaying());
        return factory;
    }
}
