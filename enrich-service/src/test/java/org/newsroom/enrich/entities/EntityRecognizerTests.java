package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;

class EntityRecognizerTests {

    private final EntityRecognizer recognizer = new EntityRecognizer(Gazetteer.bundled());
    private final People people = new People();
    private int articles;

    private List<Entity> entities(String... paragraphs) {
        return recognizer.entities("a" + articles++, Instant.EPOCH, "Talks in Helsinki", List.of(paragraphs), people);
    }

    @Test
    void joinsTransliterationsAndALoneSurnameToOnePerson() {
        List<Entity> found = entities("Russian Foreign Minister Sergey Lavrov arrived.",
                "Officials said Sergei Lavrov would stay. Lavrov declined to comment.");
        assertThat(found).filteredOn(e -> e.type() == EntityType.person)
                .singleElement().satisfies(e -> {
                    assertThat(e.id()).isEqualTo("person:sergei-lavrov");
                    assertThat(e.aliases()).contains("Sergey Lavrov", "Sergei Lavrov", "Lavrov");
                    assertThat(e.mentions()).isEqualTo(3);
                });
    }

    @Test
    void readsRegionsAndTheirDemonymsAsPlacesNotSurnames() {
        // Written alone, such words were surnames waiting for a full name ("Western Europe", "Many German").
        Recognised recognised = recognizer.recognise("Results", List.of("German carmakers sold more in Europe and Asia.",
                "Scottish and Dutch banks said sales fell."));
        assertThat(recognised.mentions()).extracting(Recognised.Mention::id).contains("place:germany", "place:europe",
                "place:asia", "place:scotland", "place:netherlands");
        assertThat(recognised.surnames()).doesNotContain("German", "Europe", "Asia", "Scottish", "Dutch");
    }

    @Test
    void takesNoNameEndingInACommonWordForAPerson() {
        EntityRecognizer withWords = new EntityRecognizer(Gazetteer.bundled(),
                new People.Vocabulary(word -> List.of("stores", "said").contains(word), word -> false));
        Recognised recognised = withWords.recognise("Results", List.of("Lucky Stores said profits rose.",
                "Mana Said told reporters the talks failed.", "Sergei Lavrov said nothing."));
        assertThat(recognised.named().fullNames()).containsExactly(List.of("Sergei", "Lavrov"));
    }

    @Test
    void takesAnObviousMisspellingForTheKnownPerson() {
        entities("Opposition leader Juan Guaido spoke in Caracas.");
        List<Entity> later = entities("The U.S. recognizes opposition leader Juan Gudaio as president.");
        assertThat(later).extracting(Entity::id).contains("person:juan-guaido");
    }

    @Test
    void resolvesPlaceVariantsAndNationalityAdjectivesToCountries() {
        List<Entity> found = entities("The U.S. and Russia clashed; American and Russian diplomats met in Moscow.");
        assertThat(found).filteredOn(e -> e.type() == EntityType.place).extracting(Entity::id)
                .contains("place:united-states", "place:russia", "place:moscow", "place:helsinki");
    }

    @Test
    void findsOrganisationsByListAndByTheirHeadWord() {
        List<Entity> found = entities("OPEC ministers met the Arctic Council, officials at the State Department said.");
        assertThat(found).filteredOn(e -> e.type() == EntityType.organisation).extracting(Entity::name)
                .contains("OPEC", "Arctic Council", "State Department");
    }

    @Test
    void leavesCapitalisedPhrasesThatAreNoNamesAlone() {
        List<Entity> found = entities("Relations plunged to depths not seen since the Cold War.");
        assertThat(found).filteredOn(e -> e.type() == EntityType.person).isEmpty();
    }
}
