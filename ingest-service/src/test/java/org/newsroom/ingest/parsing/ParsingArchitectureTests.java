package org.newsroom.ingest.parsing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Parsing, cleaning and ninjs rendering are plain Java: no framework, no transport, and cleaning knows no parser. */
class ParsingArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.newsroom.ingest.parsing", "org.newsroom.ingest.cleaning", "org.newsroom.ingest.ninjs");

    @Test
    void coreUsesNoFrameworkOrTransport() {
        noClasses().that().resideInAnyPackage("..ingest.parsing..", "..ingest.cleaning..", "..ingest.ninjs..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "co.elastic..", "jakarta.servlet..", "..ingest.intake..", "..ingest.publishing..")
                .check(CLASSES);
    }

    @Test
    void cleaningDoesNotDependOnParsing() {
        noClasses().that().resideInAPackage("..ingest.cleaning..")
                .should().dependOnClassesThat().resideInAPackage("..ingest.parsing..")
                .check(CLASSES);
    }
}
