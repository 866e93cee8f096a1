package org.newsroom.enrich.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.enrich.routing.DroppedTags;
import org.newsroom.enrich.routing.TagRoutes;
import org.newsroom.enrich.routing.TagTopics;

/**
 * The last step of the memory task, {@code memory-publish}: each article subscribers are told about is serialised
 * once (JSON with CloudEvents headers, bounded by {@link RecordLimit}), and those same bytes go to the enriched topic
 * and to the topic of every tag {@link TagRoutes} routes, in the task's exactly-once transaction. A correction
 * that lost tags, or a kill (all its last version's tags: {@link DroppedTags}), also leaves a tombstone in each
 * topic it left, after the copies, so subscribers see the removal last. A tag topic is created before its first
 * record: a Streams producer sending to a missing topic would fail the task.
 */
final class Publishing {

    /** One record to write: its topic, and its value already serialised (null: a tombstone). */
    record Publication(String topic, byte[] value) {
    }

    private Publishing() {
    }

    /**
     * @param routes which tag topics an article goes to; routing nothing in a replay run, since the live instance
     *               already routed every article once
     */
    static void publish(KStream<String, ArticleEnriched> told, String enrichedTopic, TagRoutes routes, TagTopics topics,
                        Listener listener) {
        told.processValues(() -> new Publish(enrichedTopic, routes, topics, listener), Named.as("memory-publish"))
                .to((key, publication, context) -> publication.topic(),
                        Produced.<String, Publication>with(RecordLimit.keys(), publications()).withName("published"));
    }

    /** Told of each article (null: a tombstone) as it is published. */
    interface Listener {
        void published(String articleId, ArticleEnriched article);
    }

    /** The value as it was serialised in {@code memory-publish}: no second serialisation per topic. */
    private static Serde<Publication> publications() {
        Serializer<Publication> bytes = (topic, publication) -> publication.value();
        return Serdes.serdeFrom(bytes, (topic, data) -> {
            throw new UnsupportedOperationException("Publications are only written");
        });
    }

    private static final class Publish implements FixedKeyProcessor<String, ArticleEnriched, Publication> {

        private final Serializer<ArticleEnriched> serializer = EnrichmentTopology.enrichedSerde().serializer();
        private final String enrichedTopic;
        private final TagRoutes routes;
        private final TagTopics topics;
        private final Listener listener;
        private FixedKeyProcessorContext<String, Publication> context;

        Publish(String enrichedTopic, TagRoutes routes, TagTopics topics, Listener listener) {
            this.enrichedTopic = enrichedTopic;
            this.routes = routes;
            this.topics = topics;
            this.listener = listener;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Publication> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, ArticleEnriched> record) {
            ArticleEnriched article = record.value();
            Headers headers = new RecordHeaders(record.headers().toArray());
            // Serialised once, with the headers it is sent with (a tombstone: null, and no ce_* headers inherited from
            // the input); a value too large fails here, before anything is sent.
            byte[] value = serializer.serialize(enrichedTopic, headers, article);
            List<String> copies = article == null ? List.of() : routes.topicsOf(article);
            List<String> left = routes.topicsOf(DroppedTags.of(record.headers())).stream()
                    .filter(topic -> !copies.contains(topic)).toList();
            ensure(copies, left);
            listener.published(record.key(), article);
            context.forward(record.withValue(new Publication(enrichedTopic, value)).withHeaders(headers));
            for (String topic : copies) {
                context.forward(record.withValue(new Publication(topic, value)).withHeaders(new RecordHeaders(headers.toArray())));
            }
            for (String topic : left) {
                context.forward(record.withValue(new Publication(topic, null)).withHeaders(new RecordHeaders()));
            }
        }

        private void ensure(List<String> copies, List<String> left) {
            if (copies.isEmpty() && left.isEmpty()) {
                return;
            }
            List<String> all = new ArrayList<>(copies);
            all.addAll(left);
            try {
                topics.ensure(all);
            } catch (RuntimeException e) {
                // Not the record's fault: fail the thread, whose replacement retries the record, rather than
                // dead-letter an article because the broker could not create a topic just now.
                throw new StreamsException("Cannot create the tag topics " + all, e);
            }
        }
    }
}
