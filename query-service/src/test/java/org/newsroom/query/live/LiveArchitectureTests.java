package org.newsroom.query.live;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LiveArchitectureTests {

    private final JavaClasses live = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.newsroom.query.live");

    @Test
    void matchingArticlesInMemoryIsPlainJava() {
        noClasses().that().haveSimpleNameStartingWith("LiveFilter")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "co.elastic..",
                        "org.apache.kafka..", "jakarta.servlet..")
                .check(live);
    }
}
