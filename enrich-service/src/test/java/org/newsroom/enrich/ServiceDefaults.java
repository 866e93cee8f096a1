package org.newsroom.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /**
     * This process's own folder for rules files (another checkout's run at the same time has its own); registered
     * for deletion before the files in it, so that it is deleted after them, once empty.
     */
    private static final Path RULES_FOLDER = rulesFolder();

    private ServiceDefaults() {
    }

    private static Path rulesFolder() {
        try {
            Path folder = Files.createTempDirectory("enrich-rules-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for rules files", e);
        }
    }

    /**
     * The defaults, with the rules file {@code rulesFileName} in this process's temporary folder; it is written afresh
     * from the bundled default, so the rules are the shipped ones whatever an earlier caller left there.
     */
    public static TaggingProperties tagging(String rulesFileName) {
        Path rules = RULES_FOLDER.resolve(rulesFileName);
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
