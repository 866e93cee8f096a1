package org.newsroom.enrich.streams;

import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.dedup.DedupSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

/**
 * raw → enrich → deduplicate → version gate → enriched, keyed by article id at both ends; kills and holds skip
 * enrichment and leave the gate as tombstones. Runs with exactly-once processing, so a crash never emits an
 * article twice or loses one.
 */
@Configuration(proxyBeanMethods = false)
class EnrichmentTopology {

    @Bean
    Enricher enricher(EnrichProperties properties) {
        return new Enricher(properties.enrichmentVersion(), Clock.systemUTC());
    }

    @Bean
    KStream<String, ArticleEnriched> enrichment(StreamsBuilder builder, Enricher enricher, EnrichProperties properties) {
        KStream<String, ArticleReceived> raw = builder
                .stream(Topics.ARTICLES_RAW, Consumed.with(Serdes.String(), serde(ArticleReceived.class)));
        KStream<String, ArticleEnriched> enriched = VersionGate.gated(builder, raw, usable -> DedupTopology.deduplicated(
                builder, usable, enricher, DedupSettings.defaults(), properties.dedupWindow(), true), true);
        enriched.to(Topics.ARTICLES_ENRICHED, Produced.with(Serdes.String(), serde(ArticleEnriched.class)));
        return enriched;
    }

    /** JSON without Java type headers: the topic defines the type. */
    static <T> JacksonJsonSerde<T> serde(Class<T> type) {
        JacksonJsonSerde<T> serde = new JacksonJsonSerde<>(type);
        serde.serializer().noTypeInfo();
        serde.deserializer().ignoreTypeHeaders();
        return serde;
    }
}
