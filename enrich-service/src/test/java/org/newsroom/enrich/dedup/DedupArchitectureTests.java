package org.newsroom.enrich.dedup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dedup rule is plain Java: the Kafka Streams edge uses it, never the other way round. */
class DedupArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.newsroom.enrich");

    @Test
    void usesNoKafkaNoSpringNoElasticsearchAndNoEdgeClasses() {
        noClasses().that().resideInAPackage("..enrich.dedup..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..",
                        "co.elastic..", "tools.jackson..", "com.fasterxml..", "..enrich.streams..")
                .check(classes);
    }
}
