package org.newsroom.enrich.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * enrich-service's Kafka Streams edge alone (settings, dead letters, topology with the bare enricher): what
 * dedup's integration tests need, without the web layer or the tagging models.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(KafkaAutoConfiguration.class)
@EnableConfigurationProperties({EnrichProperties.class, TaggingProperties.class})
@Import({StreamsSettings.class, EnrichmentTopology.class})
class StreamsOnly {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
