package org.newsroom.enrich.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * A transactional producer factory over mock producers, one per transaction (a template closes its producer after
 * each), read together in the order the transactions began.
 */
final class TransactionalProducers {

    private final List<MockProducer<String, Object>> producers = new CopyOnWriteArrayList<>();
    private final MockProducerFactory<String, Object> factory;

    TransactionalProducers() {
        this((topic, value) -> new byte[0]);
    }

    TransactionalProducers(Serializer<Object> values) {
        factory = new MockProducerFactory<>((transactional, id) -> {
            MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), values);
            producer.initTransactions();
            producers.add(producer);
            return producer;
        }, "tag-router-test-");
    }

    MockProducerFactory<String, Object> factory() {
        return factory;
    }

    KafkaTemplate<String, Object> template() {
        return new KafkaTemplate<>(factory);
    }

    /** What committed transactions sent, in order. */
    List<ProducerRecord<String, Object>> committed() {
        return producers.stream().flatMap(producer -> producer.history().stream()).toList();
    }

    long commits() {
        return producers.stream().mapToLong(MockProducer::commitCount).sum();
    }

    long aborts() {
        return producers.stream().filter(MockProducer::transactionAborted).count();
    }

    /** The consumed offsets each committed transaction carried, in order. */
    List<Map<TopicPartition, OffsetAndMetadata>> committedOffsets() {
        return producers.stream().flatMap(producer -> producer.consumerGroupOffsetsHistory().stream())
                .flatMap(byGroup -> byGroup.values().stream()).toList();
    }
}
