package org.newsroom.enrich.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.routing.TagRoutes;
import org.newsroom.enrich.routing.TagTopics;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.newsroom.eventheaders.CloudEventSerializer;
import org.newsroom.eventheaders.CorrelationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

/**
 * raw → enrich (per raw partition) → one memory task (dedup, version gate, publish) → enriched and routed tag
 * topics, keyed by article id ({@link ArticleFlow}, {@link Publishing}); kills and holds skip enrichment and leave
 * the gate as tombstones. Runs with exactly-once processing, so a crash never emits an
 * article twice or loses one. Each published article is counted and logged with its correlation id.
 */
@Configuration(proxyBeanMethods = false)
class EnrichmentTopology {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentTopology.class);

    @Bean
    Enricher enricher(EnrichProperties properties) {
        return new Enricher(properties.enrichmentVersion(), Clock.systemUTC());
    }

    @Bean
    EnrichmentMetrics enrichmentMetrics(MeterRegistry registry) {
        return new EnrichmentMetrics(registry);
    }

    @Bean
    TagTopics tagTopics(KafkaAdmin admin, TaggingProperties tagging) {
        return new TagTopics(admin, tagging.tagPartitions());
    }

    @Bean
    KStream<String, ArticleEnriched> enrichment(StreamsBuilder builder, Enricher enricher, EnrichProperties properties,
                                                TaggingProperties tagging, TagTopics tagTopics,
                                                EnrichmentMetrics metrics) {
        requireMemoryWithinHeldArticles(properties.dedupWindow(), tagging.peopleWindow(), tagging.storyWindow());
        KStream<String, ArticleReceived> raw = builder
                .stream(Topics.ARTICLES_RAW, Consumed.with(Serdes.String(), serde(ArticleReceived.class)));
        KStream<String, ArticleEnriched> enriched = ArticleFlow.of(builder, raw, enricher,
                DedupSettings.defaults(), properties.dedupWindow(), properties.versionRetention(), true, metrics);
        // A replay run routes nothing: the live instance already routed every article once.
        TagRoutes routes = properties.replaying() ? new TagRoutes(List.of(), List.of())
                : new TagRoutes(tagging.routedTags(), tagging.routedSchemes());
        Publishing.publish(enriched, properties.enrichedTopic(), routes, tagTopics,
                (id, article) -> published(id, article, metrics));
        return enriched;
    }

    /**
     * The memory task rebuilds people and stories from {@code held-articles} when it starts, and that store keeps an
     * article for the dedup window only. A memory that looks further back than that would come back from a restart
     * without its oldest articles, and answer differently from the memory that ran on: refuse to start instead.
     * Stories look back two story windows (an article joins a story up to one window from each member).
     */
    static void requireMemoryWithinHeldArticles(Duration dedupWindow, Duration peopleWindow, Duration storyWindow) {
        Duration stories = storyWindow.multipliedBy(2);
        if (dedupWindow.compareTo(peopleWindow) < 0 || dedupWindow.compareTo(stories) < 0) {
            throw new IllegalStateException(("enrich.dedup-window (%s) must be at least enrich.tagging.people-window (%s)"
                    + " and twice enrich.tagging.story-window (%s): the memory is rebuilt from the articles held for"
                    + " the dedup window").formatted(dedupWindow, peopleWindow, storyWindow));
        }
    }

    static void published(String articleId, ArticleEnriched article, EnrichmentMetrics metrics) {
        if (article == null) {
            metrics.tombstoned();
            log.info("removed article {} (tombstone)", articleId);
            return;
        }
        metrics.published(article);
        try (CorrelationContext ignored = CorrelationContext.of(article.correlationId())) {
            log.info("enriched article {} v{}: {} ({}), {} tags, story {}", article.articleId(), article.version(),
                    article.dedup().status(), article.dedup().canonicalId(), article.tags().size(), article.storyId());
        }
    }

    /** The enriched topic's values: JSON with the CloudEvents attributes in headers (docs/events.md), bounded. */
    static Serde<ArticleEnriched> enrichedSerde() {
        JacksonJsonSerde<ArticleEnriched> json = serde(ArticleEnriched.class);
        return RecordLimit.values(Serdes.serdeFrom(new CloudEventSerializer<>(json.serializer()), json.deserializer()));
    }

    /** JSON without Java type headers: the topic defines the type. */
    static <T> JacksonJsonSerde<T> serde(Class<T> type) {
        JacksonJsonSerde<T> serde = new JacksonJsonSerde<>(type);
        serde.serializer().noTypeInfo();
        serde.deserializer().ignoreTypeHeaders();
        return serde;
    }
}
