package org.newsroom.enrich;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Tagging, entities and stories are plain Java: only their settings and wiring know Spring. */
class TaggingArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.newsroom.enrich.tagging", "org.newsroom.enrich.entities",
                    "org.newsroom.enrich.clustering", "org.newsroom.enrich.routing");

    @Test
    void theCoreUsesNoKafkaNoElasticsearchAndNoSpring() {
        noClasses().that().resideInAnyPackage("..enrich.tagging..", "..enrich.entities..", "..enrich.clustering..")
                .and().areNotAnnotatedWith(Configuration.class)
                .and().areNotAnnotatedWith(ConfigurationProperties.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..",
                        "co.elastic..")
                .check(classes);
    }

    @Test
    void routingDecisionsArePlainJavaToo() {
        noClasses().that().haveSimpleName("TagRoutes")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..")
                .check(classes);
    }
}
