package org.newsroom.query.language;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LanguageArchitectureTests {

    private final JavaClasses language = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.newsroom.query.language");

    @Test
    void theQueryModelIsPlainJavaAndOnlyItsElasticsearchRenderingKnowsElasticsearch() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                "jakarta.servlet..").check(language);
        noClasses().that().doNotHaveSimpleName("ElasticsearchQuery").should().dependOnClassesThat()
                .resideInAnyPackage("co.elastic..").check(language);
    }
}
