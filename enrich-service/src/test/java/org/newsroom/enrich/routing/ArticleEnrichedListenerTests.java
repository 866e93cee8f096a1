package org.newsroom.enrich.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.newsroom.enrich.routing.EnrichedRecords.RUSSIA_TOPIC;
import static org.newsroom.enrich.routing.EnrichedRecords.VENEZUELA;
import static org.newsroom.enrich.routing.EnrichedRecords.VENEZUELA_TOPIC;
import static org.newsroom.enrich.routing.EnrichedRecords.aboutVenezuela;
import static org.newsroom.enrich.routing.EnrichedRecords.correctedToLoseRussia;
import static org.newsroom.enrich.routing.EnrichedRecords.killed;
import static org.newsroom.enrich.routing.EnrichedRecords.undeserialisable;
import static org.newsroom.enrich.routing.EnrichedRecords.withUnreadableDroppedTags;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import tools.jackson.core.JacksonException;

/** The tag router's batches: one transaction each, and a record it cannot route failing alone. */
class ArticleEnrichedListenerTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MockConsumer<String, ArticleEnriched> consumer = new MockConsumer<>("earliest");
    private final RecordingAdmin admin = new RecordingAdmin();

    @Test
    void routesABatchInOneTransactionThatCommitsItsOffsetsToo() {
        TransactionalProducers producers = new TransactionalProducers();

        route(producers, aboutVenezuela(0, "a0"), aboutVenezuela(1, "a1"), aboutVenezuela(2, "a2"));

        assertThat(producers.commits()).isEqualTo(1);
        assertThat(producers.committed()).extracting(ProducerRecord::topic, ProducerRecord::key).containsExactly(
                tuple(VENEZUELA_TOPIC, "a0"), tuple(VENEZUELA_TOPIC, "a1"), tuple(VENEZUELA_TOPIC, "a2"));
        assertThat(producers.committedOffsets()).containsExactly(Map.of(LogConsumer.PARTITION, new OffsetAndMetadata(3)));
        assertThat(registry.get(RoutingMetrics.RECORDS).counter().count()).isEqualTo(3);
        assertThat(registry.get(RoutingMetrics.TRANSACTIONS).counter().count()).isEqualTo(1);
    }

    @Test
    void copiesACorrectionToItsTagsAndThenTombstonesItInTheTagItLost() {
        TransactionalProducers producers = new TransactionalProducers();

        route(producers, correctedToLoseRussia(0, "a0"), killed(1, "a1", VENEZUELA));

        assertThat(producers.committed()).extracting(ProducerRecord::topic, ProducerRecord::key, r -> r.value() == null)
                .containsExactly(tuple(VENEZUELA_TOPIC, "a0", false), tuple(RUSSIA_TOPIC, "a0", true),
                        tuple(VENEZUELA_TOPIC, "a1", true));
    }

    @Test
    void createsTheNewTagTopicsOfABatchInOneCallBeforeItsTransaction() {
        TransactionalProducers producers = new TransactionalProducers();

        route(producers, aboutVenezuela(0, "a0"), correctedToLoseRussia(1, "a1"), aboutVenezuela(2, "a2"));

        assertThat(admin.calls).containsExactly(List.of(VENEZUELA_TOPIC, RUSSIA_TOPIC));
    }

    @Test
    void aTagTopicTheBrokerRefusesFailsOnlyTheRecordThatNeedsIt() {
        TransactionalProducers producers = new TransactionalProducers();
        admin.refuse(RUSSIA_TOPIC);

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class, () -> route(
                producers, aboutVenezuela(0, "a0"), correctedToLoseRussia(1, "a1"), aboutVenezuela(2, "a2")));

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(producers.committed()).extracting(ProducerRecord::key).containsExactly("a0");
    }

    @Test
    void commitsTheRecordsBeforeOneItCannotRouteAndReportsThatOne() {
        TransactionalProducers producers = new TransactionalProducers();

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class, () -> route(
                producers, aboutVenezuela(0, "a0"), withUnreadableDroppedTags(1, "a1"), aboutVenezuela(2, "a2")));

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure.getCause()).isInstanceOf(JacksonException.class);
        assertThat(producers.committed()).extracting(ProducerRecord::key).containsExactly("a0");
        assertThat(producers.committedOffsets()).containsExactly(Map.of(LogConsumer.PARTITION, new OffsetAndMetadata(1)));
    }

    @Test
    void reportsARecordThatDidNotDeserialiseSoTheErrorHandlerDeadLettersItWithoutRetrying() {
        TransactionalProducers producers = new TransactionalProducers();

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> route(producers, undeserialisable(0, "a0"), aboutVenezuela(1, "a1")));

        assertThat(failure.getIndex()).isZero();
        assertThat(failure.getCause()).isInstanceOf(DeserializationException.class);
        assertThat(producers.commits()).isZero();
    }

    @Test
    void aRecordTheProducerRejectsFailsAloneOnceTheRecordsBeforeItAreCommittedWithoutIt() {
        TransactionalProducers producers = new TransactionalProducers((topic, value) -> {
            if (value instanceof ArticleEnriched article && article.articleId().equals("a1")) {
                throw new SerializationException("record too large");
            }
            return new byte[0];
        });

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class, () -> route(
                producers, aboutVenezuela(0, "a0"), aboutVenezuela(1, "a1"), aboutVenezuela(2, "a2")));

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).hasMessage("record too large");
        assertThat(producers.aborts()).isEqualTo(1);
        assertThat(producers.committed()).extracting(ProducerRecord::key).containsExactly("a0");
        assertThat(producers.committedOffsets()).containsExactly(Map.of(LogConsumer.PARTITION, new OffsetAndMetadata(1)));
    }

    @SafeVarargs
    private void route(TransactionalProducers producers, ConsumerRecord<String, ArticleEnriched>... records) {
        new ArticleEnrichedListener(new TagRoutes(List.of("*"), List.of("place")), producers.template(),
                new TagTopics(admin, 3), new RoutingMetrics(registry)).on(List.of(records), consumer);
    }
}
