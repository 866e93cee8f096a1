package org.newsroom.enrich;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.newsroom.enrich.dedup.Decision;
import org.newsroom.enrich.dedup.DedupIndex;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Fingerprinter;
import org.newsroom.enrich.tagging.MediaTopics;

/**
 * The architecture rules of docs/enrich-redesign.md, section 6, as far as the stages done so far allow. The
 * exceptions are named, each with the stage that removes it.
 */
class EnrichArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.newsroom.enrich");

    /**
     * A1. Not yet tagging's Spring settings and wiring (they move to the root package in stage 6); {@link MediaTopics}
     * reads the IPTC JSON file with Jackson.
     */
    @Test
    void theEnrichmentCoreIsPlainJava() {
        noClasses().that().resideInAnyPackage("..enrich.normalising..", "..enrich.tagging..", "..enrich.entities..",
                        "..enrich.clustering..", "..enrich.memory..", "..enrich.dedup..", "..enrich.corrections..",
                        "..enrich.hashing..")
                .and().doNotHaveFullyQualifiedName("org.newsroom.enrich.tagging.TaggingConfiguration")
                .and().doNotHaveFullyQualifiedName("org.newsroom.enrich.tagging.TaggingProperties")
                .and().doNotHaveFullyQualifiedName(MediaTopics.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..",
                        "co.elastic..", "tools.jackson..", "com.fasterxml..", "io.micrometer..")
                .check(classes);
    }

    /** A2. The core never reaches the Streams edge. */
    @Test
    void theCoreNeverReachesTheStreamsEdge() {
        noClasses().that().resideInAnyPackage("..enrich.normalising..", "..enrich.entities..", "..enrich.clustering..",
                        "..enrich.memory..", "..enrich.dedup..", "..enrich.corrections..", "..enrich.hashing..")
                .should().dependOnClassesThat().resideInAnyPackage("..enrich.streams..", "..enrich.routing..")
                .check(classes);
    }

    /** A4. Only the Streams edge knows Kafka Streams. */
    @Test
    void onlyTheStreamsEdgeKnowsKafkaStreams() {
        noClasses().that().resideOutsideOfPackage("..enrich.streams..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.streams..")
                .check(classes);
    }

    /**
     * A5. One dedup engine: outside dedup, only its index, its decisions, its settings and the fingerprint types are
     * used; the buckets, verification and pair matches are the index's own (an allow-list, so a new class of the
     * engine is private to it until it is named here).
     */
    @Test
    void theEdgeReachesDedupOnlyThroughItsIndex() {
        classes().that().resideOutsideOfPackage("..enrich.dedup..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("..enrich.dedup..")
                        .or(belongToAnyOf(DEDUP_API)))
                .check(classes);
    }

    /** What the rest of enrich may use of dedup. */
    static final Class<?>[] DEDUP_API = {DedupIndex.class, Decision.class, DedupSettings.class, Fingerprint.class,
            Fingerprinter.class};

    /** The part of routing that is plain Java: which topics an article's tags go to. */
    @Test
    void theTagRoutersDecisionsArePlainJava() {
        noClasses().that().haveFullyQualifiedName("org.newsroom.enrich.routing.TagRoutes")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..")
                .check(classes);
    }

    /**
     * A3, for the core packages and tagging (the root package's wiring is not sliced yet: stage 6). Tagging builds the
     * service's steps from the core, so no core package may reach back into it (the entities evaluation once did).
     */
    @Test
    void theCorePackagesHaveNoCycles() {
        slices().matching("org.newsroom.enrich.(normalising|hashing|entities|clustering|memory|dedup|corrections|tagging)..")
                .should().beFreeOfCycles().check(classes);
    }
}
