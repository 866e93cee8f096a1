package org.newsroom.enrich.corrections;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.SeedArticles;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Tag;

class LastVersionTests {

    private static final Tag JAPAN = new Tag("place:japan", "Japan", "place", 0.9, List.of("Tokyo"));
    private static final Tag QUAKES = new Tag("medtop:20000162", "earthquake", "iptc-mediatopic", 0.7, List.of());

    private final LastVersion usableV2 = LastVersion.of(2, PubStatus.usable, List.of(JAPAN, QUAKES), 1, 42);
    private final LastVersion killedV3 = LastVersion.of(3, PubStatus.canceled, List.of(), 2, 0);

    @Test
    void aHigherVersionReplacesWhateverItsStatus() {
        assertThat(usableV2.replacedBy(3, PubStatus.usable)).isTrue();
        assertThat(usableV2.replacedBy(3, PubStatus.canceled)).isTrue();
        assertThat(killedV3.replacedBy(4, PubStatus.usable)).as("reinstated by a new version").isTrue();
    }

    @Test
    void aLowerVersionArrivingLateReplacesNothing() {
        assertThat(usableV2.replacedBy(1, PubStatus.usable)).isFalse();
        assertThat(usableV2.replacedBy(1, PubStatus.withheld)).isFalse();
        assertThat(killedV3.replacedBy(2, PubStatus.usable)).isFalse();
    }

    @Test
    void atTheSameVersionAKillWinsAndARedeliveryOfAShownArticleReplacesIt() {
        assertThat(usableV2.replacedBy(2, PubStatus.usable)).as("dedup re-emission").isTrue();
        assertThat(usableV2.replacedBy(2, PubStatus.canceled)).isTrue();
        assertThat(killedV3.replacedBy(3, PubStatus.usable)).as("no revival at the kill's version").isFalse();
        assertThat(killedV3.replacedBy(3, PubStatus.canceled)).as("a redelivered kill").isTrue();
    }

    @Test
    void remembersOnlyWhatRoutingReadsOfTheTags() {
        assertThat(usableV2.tags()).containsExactly(new Tag("place:japan", "Japan", "place", 0, List.of()),
                new Tag("medtop:20000162", "earthquake", "iptc-mediatopic", 0, List.of()));
        assertThat(killedV3.tags()).isEmpty();
    }

    @Test
    void droppedTagsAreThoseTheNextVersionNoLongerCarries() {
        assertThat(usableV2.droppedBy(List.of(QUAKES))).extracting(Tag::id).containsExactly("place:japan");
        assertThat(usableV2.droppedBy(List.of())).extracting(Tag::id).containsExactly("place:japan", "medtop:20000162");
        assertThat(usableV2.droppedBy(List.of(JAPAN, QUAKES))).isEmpty();
    }

    @Test
    void onlyTheSameVersionWithTheSameAnswersRepeatsWhatWasTold() {
        assertThat(usableV2.repeatedBy(2, 42)).isTrue();
        assertThat(usableV2.repeatedBy(2, 43)).as("other answers").isFalse();
        assertThat(usableV2.repeatedBy(3, 42)).as("another version").isFalse();
        assertThat(killedV3.repeatedBy(3, 0)).as("a kill keeps no answers").isFalse();
    }

    @Test
    void theAnswersAreTheDecisionStoryEntitiesAndTagsNotTheEventId() {
        ArticleEnriched article = new Enricher("test", Clock.systemUTC()).enrich(SeedArticles.seeds().getFirst());
        long answers = LastVersion.answersOf(article);

        assertThat(LastVersion.answersOf(article.withEventId(UUID.randomUUID()))).isEqualTo(answers);
        assertThat(LastVersion.answersOf(article.withStoryId("story-other"))).isNotEqualTo(answers);
        assertThat(LastVersion.answersOf(article.withDedup(Dedup.originalOf(article.articleId(), "exact"))))
                .isNotEqualTo(answers);
        assertThat(LastVersion.answersOf(article.withEntities(List.of(
                new Entity("person:juan-guaido", "Juan Guaido", EntityType.person, List.of("Guaido"), 1)), List.of())))
                .isNotEqualTo(answers);
        assertThat(LastVersion.answersOf(article.withEntities(List.of(), List.of(JAPAN)))).isNotEqualTo(answers);
    }

    @Test
    void everyFieldOfAnEntityOrTagCountsAndNoValueStandsInForAnother() {
        Entity guaido = new Entity("person:juan-guaido", "Juan Guaido", EntityType.person, List.of("Guaido"), 1);
        ArticleEnriched article = new Enricher("test", Clock.systemUTC()).enrich(SeedArticles.seeds().getFirst())
                .withEntities(List.of(guaido), List.of(JAPAN));
        long answers = LastVersion.answersOf(article);

        Tag rescored = new Tag(JAPAN.id(), JAPAN.label(), JAPAN.scheme(), JAPAN.score() + 0.5, JAPAN.evidence());
        assertThat(LastVersion.answersOf(article.withEntities(List.of(guaido), List.of(rescored))))
                .as("a tag's score").isNotEqualTo(answers);
        assertThat(LastVersion.answersOf(article.withEntities(List.of(new Entity(guaido.id(), guaido.name(),
                guaido.type(), List.of("Guaido", "Guaidó"), 1)), List.of(JAPAN)))).as("an alias").isNotEqualTo(answers);
        assertThat(LastVersion.answersOf(article.withEntities(List.of(new Entity(guaido.id(), guaido.name(),
                guaido.type(), List.of("Gua", "ido"), 1)), List.of(JAPAN)))).as("a text split in two").isNotEqualTo(answers);
        assertThat(LastVersion.answersOf(article.withEntities(List.of(guaido), List.of(JAPAN))))
                .as("the same answers again").isEqualTo(answers);
    }

    @Test
    void theRuleIsPlainJava() {
        noClasses().that().resideInAPackage("..enrich.corrections..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..",
                        "co.elastic..", "..enrich.streams..", "..enrich.routing..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.newsroom.enrich.corrections"));
    }
}
