package org.newsroom.enrich.tagging;

import java.time.Clock;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.Enricher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The enricher with every capability. Primary, so the topology gets it even while the bare enricher bean
 * of {@code streams.EnrichmentTopology} still exists (see docs/tagging.md).
 */
@Configuration(proxyBeanMethods = false)
class TaggingConfiguration {

    @Bean
    @Primary
    Enricher taggingEnricher(EnrichProperties enrich, TaggingProperties tagging) {
        Clock clock = Clock.systemUTC();
        return new Enricher(enrich.enrichmentVersion(), clock, EnrichmentSteps.of(tagging, clock));
    }
}
