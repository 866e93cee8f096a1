package org.newsroom.query.indexing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How indexing failures are handled: transient ones are retried with exponential backoff for as long as it
 * takes (an Elasticsearch outage pauses consumption, it never drops articles); unreadable or rejected
 * records go to {@code articles.enriched.v1.DLT} at once, with the cause in headers.
 */
@Configuration(proxyBeanMethods = false)
class IndexingErrors {

    @Bean
    DefaultErrorHandler indexingErrorHandler(KafkaProperties kafka, KafkaTemplate<Object, Object> jsonTemplate) {
        Map<String, Object> producer = new java.util.HashMap<>(kafka.buildProducerProperties());
        // The key (an article id) always reads as a string; only the value can be unreadable.
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        // Unreadable records are re-published as their original bytes; rejected ones as the article JSON.
        templates.put(byte[].class, new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, byte[]>(producer)));
        templates.put(Object.class, jsonTemplate);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, cause) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(RejectedDocumentException.class, DeserializationException.class);
        return handler;
    }
}
