package org.newsroom.enrich.routing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Enrichment;
import org.newsroom.contracts.Tag;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.SeedArticles;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/** Records of {@code articles.enriched.v1}, partition 0, as the tag router reads them. */
final class EnrichedRecords {

    static final Instant NOW = Instant.parse("2019-05-06T12:00:00Z");
    static final Tag VENEZUELA = new Tag("place:venezuela", "Venezuela", "place", 0.9, List.of("test"));
    static final Tag RUSSIA = new Tag("place:russia", "Russia", "place", 0.9, List.of("test"));
    static final String VENEZUELA_TOPIC = Topics.tagTopic("venezuela");
    static final String RUSSIA_TOPIC = Topics.tagTopic("russia");
    static final byte[] NOT_JSON = "{not json".getBytes(StandardCharsets.UTF_8);

    private EnrichedRecords() {
    }

    static ArticleEnriched taggedWith(String id, Tag... tags) {
        return ArticleEnriched.of(SeedArticles.article(id, "Headline", List.of("Body."), null),
                new Enrichment("test", List.of(tags), List.of(), Dedup.originalOf(id, "none"), id), NOW);
    }

    /** An article tagged Venezuela. */
    static ConsumerRecord<String, ArticleEnriched> aboutVenezuela(long offset, String id) {
        return record(offset, id, taggedWith(id, VENEZUELA), new RecordHeaders());
    }

    /** A correction that kept Venezuela and lost Russia. */
    static ConsumerRecord<String, ArticleEnriched> correctedToLoseRussia(long offset, String id) {
        return record(offset, id, taggedWith(id, VENEZUELA), droppedTags(RUSSIA));
    }

    /** A kill's tombstone: no value, and the tags the article had. */
    static ConsumerRecord<String, ArticleEnriched> killed(long offset, String id, Tag... hadTags) {
        return record(offset, id, null, droppedTags(hadTags));
    }

    /** An article whose dropped-tags header is not JSON: routing it fails. */
    static ConsumerRecord<String, ArticleEnriched> withUnreadableDroppedTags(long offset, String id) {
        return record(offset, id, taggedWith(id, VENEZUELA),
                new RecordHeaders().add(DroppedTags.HEADER, "not json".getBytes(StandardCharsets.UTF_8)));
    }

    /** A value that did not deserialise, as the router's {@link ErrorHandlingDeserializer} hands it over. */
    static ConsumerRecord<String, ArticleEnriched> undeserialisable(long offset, String id) {
        Headers headers = new RecordHeaders();
        try (ErrorHandlingDeserializer<ArticleEnriched> values = new ErrorHandlingDeserializer<>(
                new JacksonJsonDeserializer<>(ArticleEnriched.class, false))) {
            values.deserialize(Topics.ARTICLES_ENRICHED, headers, NOT_JSON);
        }
        return record(offset, id, null, headers);
    }

    private static Headers droppedTags(Tag... tags) {
        return new RecordHeaders().add(DroppedTags.HEADER, DroppedTags.encoded(List.of(tags)));
    }

    private static ConsumerRecord<String, ArticleEnriched> record(long offset, String id, ArticleEnriched value,
                                                                  Headers headers) {
        return new ConsumerRecord<>(Topics.ARTICLES_ENRICHED, 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0, id, value,
                headers, Optional.empty());
    }
}
