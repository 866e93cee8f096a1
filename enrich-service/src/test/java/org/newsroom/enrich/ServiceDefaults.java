package org.newsroom.enrich;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.newsroom.enrich.clustering.TermIdf;
import org.newsroom.enrich.memory.Memory;
import org.newsroom.enrich.tagging.EnrichmentSteps;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The service's default tagging settings, bound as Spring Boot binds them, and what the service builds from them:
 * for tests, evaluations and benchmarks that must run what enrich-service runs.
 */
public final class ServiceDefaults {

    /** One table for every memory, as the service has one (from the bundled subject model, as by default). */
    private static final TermIdf IDF = EnrichmentSteps.idf(EnrichmentSteps.bundledModel());

    private ServiceDefaults() {
    }

    /**
     * The defaults, with the rules file in the temporary folder under {@code rulesFileName}, prefixed with this
     * process's id (another checkout's run at the same time keeps its own); it is written afresh from the bundled
     * default, so the rules are the shipped ones whatever a previous run left there.
     */
    public static TaggingProperties tagging(String rulesFileName) {
        Path rules = Path.of(System.getProperty("java.io.tmpdir"), ProcessHandle.current().pid() + "-" + rulesFileName);
        rules.toFile().delete();
        rules.toFile().deleteOnExit();
        return new Binder(new MapConfigurationPropertySource(Map.of("enrich.tagging.rules-file", rules.toString())))
                .bindOrCreate("enrich.tagging", TaggingProperties.class);
    }

    /** An empty memory (people and stories) as the service makes one from {@code settings}. */
    public static Memory memory(TaggingProperties settings) {
        return EnrichmentSteps.memory(settings, IDF);
    }

    public static TermIdf idf() {
        return IDF;
    }

    public static Enricher enricher(String instance, TaggingProperties settings) {
        return new Enricher(instance, Clock.systemUTC(), EnrichmentSteps.of(settings, Clock.systemUTC()));
    }
}
