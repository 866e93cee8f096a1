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

    private static List<List<String>> fullNames(EntityRecognizer recognizer, String headline, String... paragraphs) {
        return recognizer.recognise(headline, List.of(paragraphs)).named().fullNames();
    }

    @Test
    void dropsACommonWordOpeningASentenceFromTheNameAfterIt() {
        EntityRecognizer withWords = new EntityRecognizer(Gazetteer.bundled(),
                new People.Vocabulary(word -> List.of("earlier", "under").contains(word), word -> false));
        Recognised recognised = withWords.recognise("Results", List.of("Under Kelso profits rose. Earlier Kelso said so."));
        assertThat(recognised.named().fullNames()).isEmpty();
        assertThat(recognised.surnames()).contains("Kelso").doesNotContain("Under", "Earlier");
    }

    @Test
    void takesNoAdjectiveOfAPeopleRegionOrPartyForPartOfANameOrASurname() {
        Recognised recognised = recognizer.recognise("Results", List.of(
                "Senator Don Nickles, an Oklahoma Republican, said Best British shares fell.",
                "British officials and Western bankers said Nickles was right."));
        assertThat(recognised.named().fullNames()).containsExactly(List.of("Don", "Nickles"));
        assertThat(recognised.surnames()).contains("Nickles").doesNotContain("British", "Western", "Republican");
    }

    @Test
    void takesATitleAfterCapitalisedWordsForTheEndOfAPortfolioNotAName() {
        assertThat(fullNames(recognizer, "Results", "Talks opened with Economic Planning Secretary Solita Monsod present."))
                .containsExactly(List.of("Solita", "Monsod"));
    }

    @Test
    void endsAnOrganisationsNameAtItsOrganisationWord() {
        List<Entity> found = entities("Prices will rise, the official Saudi Press Agency SPA said.");
        assertThat(found).filteredOn(e -> e.type() == EntityType.person).isEmpty();
        assertThat(found).filteredOn(e -> e.type() == EntityType.organisation).extracting(Entity::name)
                .contains("Saudi Press Agency");
    }

    @Test
    void takesNoAcronymInMixedCaseTextForPartOfAName() {
        assertThat(fullNames(recognizer, "Results", "Analysts at Baring MITI said the yen rose.")).isEmpty();
    }

    @Test
    void takesNoPlaceOrThingForAPerson() {
        assertThat(fullNames(recognizer, "Results", "Downing Street said talks went on.",
                "The Clean Water Act said little.", "Ships left the Persian Gulf who knew.")).isEmpty();
    }

    @Test
    void takesNoNameOpeningWithTheFirstWordOfAnOrganisationOrPlaceForAPerson() {
        assertThat(fullNames(recognizer, "Results", "The House Banking said so.", "Traders at Santa Fe said so.",
                "Bankers at First Boston said so.")).isEmpty();
    }

    @Test
    void takesTheShortNameOfACompanyTheArticleNamesInFullForTheCompany() {
        List<Entity> found = entities("Hughes Tool Co counted 801 rigs.", "Rigs were fewer, Hughes Tool said.",
                "A Hughes spokesman declined to comment.");
        assertThat(found).filteredOn(e -> e.type() == EntityType.person).isEmpty();
        assertThat(found).filteredOn(e -> e.type() == EntityType.organisation).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("organisation:hughes-tool-co");
            assertThat(e.aliases()).containsExactly("Hughes Tool Co", "Hughes Tool");
        });
    }

    @Test
    void readsAWordOfAHeadlineInCapitalsAsANameOnlyWhenTheTextDoesNotWriteItInLowerCase() {
        Recognised recognised = recognizer.recognise("FUNARO SAYS NATIONAL ECONOMY <BRZ> SLOWS",
                List.of("Brazil's economy slowed, Finance Minister Dilson Funaro said."));
        assertThat(recognised.surnames()).contains("FUNARO").doesNotContain("ECONOMY");
        assertThat(recognised.named().fullNames()).containsExactly(List.of("Dilson", "Funaro"));
    }

    @Test
    void readsALineInCapitalsAsAHeadlineIsRead() {
        Recognised recognised = recognizer.recognise("Results",
                List.of("CHASE MANHATTAN SAYS RATES TO RISE", "Rates will rise in Manhattan, bankers said."));
        assertThat(recognised.named().fullNames()).isEmpty();
        assertThat(recognised.surnames()).contains("CHASE").doesNotContain("RISE");
    }
}
