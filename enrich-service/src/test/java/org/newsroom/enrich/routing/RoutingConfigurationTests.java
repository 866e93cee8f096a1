package org.newsroom.enrich.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.deadletters.DeadLetterHeaders;
import org.newsroom.enrich.deadletters.DeadLetterMetrics;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.mock.MockConsumerFactory;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/** What the tag router's container and error handler do with a record it cannot route. */
class RoutingConfigurationTests {

    private static final Instant NOW = Instant.parse("2019-05-06T12:00:00Z");
    private static final String GROUP = "enrich-service-tag-router";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(),
            (topic, value) -> new byte[0]);
    private final KafkaTemplate<String, Object> template = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
    private final DeadLetterPublishingRecoverer deadLetters = RoutingConfiguration.deadLetters(template,
            new DeadLetterMetrics(registry), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void sendsARecordItCannotRouteToTheEnrichedDeadLetterTopicWithTheCause() {
        Headers headers = new RecordHeaders().add("newsroom-dropped-tags", "not json".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, ArticleEnriched> record = new ConsumerRecord<>(Topics.ARTICLES_ENRICHED, 2, 41L, 0L,
                TimestampType.CREATE_TIME, 0, 0, "a1", article("a1"), headers, Optional.empty());
        ArticleEnrichedListener router = new ArticleEnrichedListener(new TagRoutes(List.of(), List.of()), template,
                new TagTopics(new RecordingAdmin(), 1), new RoutingMetrics(registry));
        RuntimeException failure = catchRuntimeException(() -> router.on(List.of(record), new MockConsumer<>("earliest")));

        deadLetters.accept(record, new ListenerExecutionFailedException("Listener failed", GROUP, failure));

        ProducerRecord<String, Object> dead = producer.history().getFirst();
        assertThat(dead.topic()).isEqualTo("articles.enriched.v1.DLT");
        assertThat(dead.key()).isEqualTo("a1");
        assertThat(dead.value()).isEqualTo(record.value());
        assertThat(text(dead.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo(ListenerExecutionFailedException.class.getName());
        assertThat(text(dead.headers(), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(NestedExceptionUtils.getMostSpecificCause(failure).getClass().getName());
        assertThat(text(dead.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).startsWith("Listener failed; caused by ");
        assertThat(text(dead.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.ARTICLES_ENRICHED);
        assertThat(text(dead.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(GROUP);
        assertThat(text(dead.headers(), DeadLetterHeaders.FAILED_AT)).isEqualTo(NOW.toString());
        assertThat(registry.get("enrich.dead.letters").tag("topic", Topics.ARTICLES_ENRICHED).counter().count())
                .isEqualTo(1);
    }

    @Test
    void sendsARecordThatDoesNotDeserialiseAsTheBytesItArrivedAs() {
        byte[] bytes = "{not json".getBytes(StandardCharsets.UTF_8);
        Headers headers = new RecordHeaders();
        try (ErrorHandlingDeserializer<ArticleEnriched> values = new ErrorHandlingDeserializer<>(
                new JacksonJsonDeserializer<>(ArticleEnriched.class, false))) {
            assertThat(values.deserialize(Topics.ARTICLES_ENRICHED, headers, bytes)).isNull();
        }
        ConsumerRecord<String, ArticleEnriched> record = new ConsumerRecord<>(Topics.ARTICLES_ENRICHED, 0, 7L, 0L,
                TimestampType.CREATE_TIME, 0, bytes.length, "a2", null, headers, Optional.empty());

        deadLetters.accept(record, new DeserializationException("failed", bytes, false, new IllegalStateException()));

        ProducerRecord<String, Object> dead = producer.history().getFirst();
        assertThat(dead.topic()).isEqualTo("articles.enriched.v1.DLT");
        assertThat(dead.value()).isEqualTo(bytes);
    }

    @Test
    void deadLettersARecordAndCommitsItsOffsetInOneTransaction() {
        TransactionalProducers producers = new TransactionalProducers();
        ConsumerAwareRecordRecoverer recoverer = RoutingConfiguration.committingDeadLetters(producers.template(),
                new DeadLetterMetrics(registry), new RoutingMetrics(registry), Clock.fixed(NOW, ZoneOffset.UTC));

        recoverer.accept(EnrichedRecords.withUnreadableDroppedTags(7, "a7"), new MockConsumer<>("earliest"),
                new IllegalStateException("cannot route"));

        assertThat(producers.commits()).isEqualTo(1);
        assertThat(producers.committed()).extracting(ProducerRecord::topic, ProducerRecord::key)
                .containsExactly(tuple("articles.enriched.v1.DLT", "a7"));
        assertThat(producers.committedOffsets()).containsExactly(Map.of(LogConsumer.PARTITION, new OffsetAndMetadata(8)));
    }

    /**
     * The whole error path, in a real listener container over mock clients: the records around the two that cannot
     * be routed are committed, in order, and only those two are dead-lettered, one after its retries, the one that
     * does not deserialise at once; each transaction carries its offsets.
     */
    @Test
    void aBatchCommitsAroundTheRecordsItCannotRouteAndDeadLettersOnlyThose() {
        TransactionalProducers producers = new TransactionalProducers();
        RoutingMetrics metrics = new RoutingMetrics(registry);
        ArticleEnrichedListener router = new ArticleEnrichedListener(new TagRoutes(List.of("*"), List.of("place")),
                producers.template(), new TagTopics(new RecordingAdmin(), 3), metrics);
        LogConsumer consumer = new LogConsumer(List.of(EnrichedRecords.aboutVenezuela(0, "a0"),
                EnrichedRecords.aboutVenezuela(1, "a1"), EnrichedRecords.withUnreadableDroppedTags(2, "a2"),
                EnrichedRecords.aboutVenezuela(3, "a3"), EnrichedRecords.undeserialisable(4, "a4"),
                EnrichedRecords.aboutVenezuela(5, "a5")));
        List<String> batchesStartingWith = new CopyOnWriteArrayList<>();
        ConcurrentMessageListenerContainer<String, ArticleEnriched> container = RoutingConfiguration
                .batchContainerFactory(new MockConsumerFactory<>(() -> consumer), RoutingConfiguration.committingDeadLetters(
                        producers.template(), new DeadLetterMetrics(registry), metrics, Clock.fixed(NOW, ZoneOffset.UTC)))
                .createContainer(new TopicPartitionOffset(Topics.ARTICLES_ENRICHED, 0, 0L));
        container.getContainerProperties().setGroupId(GROUP);
        container.setupMessageListener((BatchConsumerAwareMessageListener<String, ArticleEnriched>) (records, c) -> {
            batchesStartingWith.add(records.getFirst().key());
            router.on(records, c);
        });

        container.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> producers.committedOffsets().size() == 5);
        } finally {
            container.stop();
        }

        String dlt = "articles.enriched.v1.DLT";
        assertThat(producers.committed()).extracting(ProducerRecord::topic, ProducerRecord::key).containsExactly(
                tuple(EnrichedRecords.VENEZUELA_TOPIC, "a0"), tuple(EnrichedRecords.VENEZUELA_TOPIC, "a1"),
                tuple(dlt, "a2"), tuple(EnrichedRecords.VENEZUELA_TOPIC, "a3"), tuple(dlt, "a4"),
                tuple(EnrichedRecords.VENEZUELA_TOPIC, "a5"));
        assertThat(producers.committedOffsets()).extracting(offsets -> offsets.get(LogConsumer.PARTITION).offset())
                .containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(producers.commits()).isEqualTo(5);
        // a2 fails in the first batch and three times more at the head of one (its retries), then is dead-lettered;
        // a4, which did not deserialise, is dead-lettered at once.
        assertThat(batchesStartingWith).containsExactly("a0", "a2", "a2", "a2", "a3", "a5");
        assertThat(producers.committed().get(4).value()).isEqualTo(EnrichedRecords.NOT_JSON);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ArticleEnriched article(String id) {
        return new ArticleEnriched(UUID.randomUUID(), NOW, id, 1, new Source("s", SourceKind.http, null), "text",
                null, null, "Headline", List.of("Body."), NOW, null, null, "en", List.of(), null, null, "test", NOW,
                List.of(), List.of(), Dedup.originalOf(id, "test"), id);
    }
}
