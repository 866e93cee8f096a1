package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.enrich.entities.People.Named;

class PeopleTests {

    private static final Instant DAY = Instant.parse("2019-05-06T10:00:00Z");
    private final People people = new People();

    private People.Seen see(String id, List<String> surnames, String... fullNames) {
        return see(id, DAY, surnames, fullNames);
    }

    private People.Seen see(String id, Instant time, List<String> surnames, String... fullNames) {
        return people.see(id, time, new People.Named(List.of(fullNames).stream().map(n -> List.of(n.split(" "))).toList(),
                surnames));
    }

    private static String idOf(People.Resolution r, String fullName) {
        return r.fullName(List.of(fullName.split(" "))).map(People.Person::id).orElse(null);
    }

    @Test
    void takesACommonWordWrittenAloneForThatWordAndAWordOfTheVocabularyForNoMisspelling() {
        People withWords = new People(new People.Vocabulary(word -> word.equals("sales"),
                word -> List.of("sales", "french", "stake").contains(word)));
        Named toyota = new Named(List.of(List.of("Toyota", "Motor", "Sales"), List.of("Leao", "Franco"),
                List.of("Delbert", "Staley")), List.of());
        withWords.see("full", DAY, toyota);
        withWords.see("full-again", DAY, toyota);

        People.Resolution alone = withWords.see("alone", DAY, new Named(List.of(),
                List.of("Sales", "French", "Stake", "S", "Frnaco"))).resolution();

        assertThat(alone.surname("Sales")).as("a common word").isEmpty();
        assertThat(alone.surname("French")).as("a word, not a misspelt Franco").isEmpty();
        assertThat(alone.surname("Stake")).as("a word, not a misspelt Staley").isEmpty();
        assertThat(alone.surname("S")).as("a letter").isEmpty();
        assertThat(alone.surname("Frnaco")).as("no word: a misspelling").map(People.Person::id)
                .contains("person:leao-franco");
    }

    @Test
    void aMisspellingSeenFirstIsRenamedWhenTheRightSpellingCatchesUp() {
        People.Seen first = see("000", List.of(), "Juan Gudaio");
        assertThat(idOf(first.resolution(), "Juan Gudaio")).isEqualTo("person:juan-gudaio");

        People.Seen second = see("001", List.of(), "Juan Guaido");

        assertThat(idOf(second.resolution(), "Juan Guaido")).isEqualTo("person:juan-guaido");
        assertThat(second.revisions()).singleElement().satisfies(r -> {
            assertThat(r.articleId()).isEqualTo("000");
            assertThat(idOf(r.resolution(), "Juan Gudaio")).isEqualTo("person:juan-guaido");
        });
    }

    @Test
    void theRightSpellingSeenFirstNeedsNoRevision() {
        see("001", List.of(), "Juan Guaido");
        People.Seen late = see("000", List.of(), "Juan Gudaio");
        assertThat(idOf(late.resolution(), "Juan Gudaio")).isEqualTo("person:juan-guaido");
        assertThat(late.revisions()).isEmpty();
    }

    @Test
    void theShownNameIsTheSpellingMostArticlesWrite() {
        see("a", List.of(), "Sergey Lavrov");
        see("b", List.of(), "Sergey Lavrov");
        People.Seen third = see("c", List.of(), "Sergei Lavrov");
        assertThat(third.resolution().fullName(List.of("Sergei", "Lavrov")))
                .contains(new People.Person("person:sergei-lavrov", "Sergey Lavrov"));
        assertThat(third.revisions()).isEmpty();

        People.Seen tie = see("d", List.of(), "Sergei Lavrov");

        assertThat(tie.resolution().fullName(List.of("Sergei", "Lavrov")))
                .contains(new People.Person("person:sergei-lavrov", "Sergei Lavrov"));
        assertThat(tie.revisions()).extracting(People.Revision::articleId).containsExactly("a", "b", "c");
    }

    @Test
    void aLoneSurnameResolvesOnceTwoArticlesNameItInFull() {
        People.Seen alone = see("early", List.of("Lavrov"));
        assertThat(alone.resolution().surname("Lavrov")).isEmpty();

        People.Seen once = see("later", List.of(), "Sergei Lavrov");
        assertThat(once.revisions()).as("one article's pair of capitalised words may be no one's name").isEmpty();
        People.Seen full = see("later-again", List.of(), "Sergei Lavrov");

        assertThat(full.revisions()).singleElement().satisfies(r -> {
            assertThat(r.articleId()).isEqualTo("early");
            assertThat(r.resolution().surname("Lavrov")).map(People.Person::id).contains("person:sergei-lavrov");
        });
    }

    @Test
    void aLoneSurnameTakesThePersonItsOwnArticleNamesBeforeAMoreNamedOne() {
        see("x", List.of(), "Boris Lavrov");
        see("y", List.of(), "Boris Lavrov");
        People.Seen own = see("z", List.of("Lavrov"), "Sergei Lavrov");
        assertThat(own.resolution().surname("Lavrov")).map(People.Person::id).contains("person:sergei-lavrov");
        People.Seen other = see("w", List.of("Lavrov"));
        assertThat(other.resolution().surname("Lavrov")).map(People.Person::id).contains("person:boris-lavrov");
    }

    @Test
    void resolvesAMisspeltLoneSurnameAmongThousandsOfKnownPeople() {
        knowThousandsOfOthers();
        see("guaido", List.of(), "Juan Guaido");
        see("guaido-again", List.of(), "Juan Guaido");

        People.Seen misspelt = see("q", List.of("Gudaio", "Guaidó", "Gxxxxo"));

        assertThat(misspelt.resolution().surname("Gudaio")).map(People.Person::id).contains("person:juan-guaido");
        assertThat(misspelt.resolution().surname("Guaidó")).map(People.Person::id).contains("person:juan-guaido");
        assertThat(misspelt.resolution().surname("Gxxxxo")).isEmpty();
    }

    @Test
    void prefersTheClosestKnownSurname() {
        see("m", List.of(), "Nicolas Maduro");
        see("m2", List.of(), "Nicolas Maduro");
        see("n", List.of(), "Ana Madero");
        see("n2", List.of(), "Ana Madero");
        People.Resolution r = see("q", List.of("Maduto", "Madeto", "Maduor")).resolution();
        assertThat(r.surname("Maduto")).map(People.Person::id).contains("person:nicolas-maduro");
        assertThat(r.surname("Madeto")).map(People.Person::id).contains("person:ana-madero");
        assertThat(r.surname("Maduor")).map(People.Person::id).contains("person:nicolas-maduro");
    }

    @Test
    void takesALoneWordForAMisspeltSurnameOnlyWhenOneLetterIsWrongOrItsLettersAreReordered() {
        see("t1", List.of(), "Javier Teran");
        see("t2", List.of(), "Javier Teran");
        People.Resolution r = see("q", List.of("Terab", "Terna", "Medan", "Tarun")).resolution();
        assertThat(r.surname("Terab")).as("one letter wrong").map(People.Person::id).contains("person:javier-teran");
        assertThat(r.surname("Terna")).as("letters reordered").map(People.Person::id).contains("person:javier-teran");
        assertThat(r.surname("Medan")).as("two letters wrong: another word").isEmpty();
        assertThat(r.surname("Tarun")).as("two letters wrong: another name").isEmpty();
    }

    @Test
    void takesAFullNameWithOneMisspeltPartForTheSamePerson() {
        knowThousandsOfOthers();
        see("a", List.of(), "Sergei Lavrov");
        see("b", List.of(), "Sergei Lavrov");
        People.Resolution r = see("c", List.of(), "Sergei Lavorv", "Sergio Lavrov", "Boris Lavrov").resolution();
        assertThat(idOf(r, "Sergei Lavorv")).isEqualTo("person:sergei-lavrov");
        assertThat(idOf(r, "Sergio Lavrov")).isEqualTo("person:sergei-lavrov");
        assertThat(idOf(r, "Boris Lavrov")).isEqualTo("person:boris-lavrov");
    }

    @Test
    void forgettingTheArticlesThatOutvotedASpellingRenamesTheRest() {
        see("old1", DAY, List.of(), "Juan Guaido");
        see("old2", DAY, List.of(), "Juan Guaido");
        see("new", DAY.plusSeconds(86_400 * 10), List.of(), "Juan Gudaio");

        List<People.Revision> revisions = people.expire(DAY.plusSeconds(86_400));

        assertThat(revisions).singleElement().satisfies(r -> {
            assertThat(r.articleId()).isEqualTo("new");
            assertThat(idOf(r.resolution(), "Juan Gudaio")).isEqualTo("person:juan-gudaio");
        });
        assertThat(people.resolution("old1")).isEqualTo(People.Resolution.NONE);
    }

    @Test
    void restoringFromTheSameFactsGivesTheSameAnswers() {
        see("1", List.of("Lavrov"));
        see("2", List.of(), "Sergey Lavrov", "Juan Gudaio");
        see("3", List.of("Guaido"), "Juan Guaido", "Sergei Lavrov");
        People restored = new People();
        restored.restore("3", DAY, new People.Named(List.of(List.of("Juan", "Guaido"), List.of("Sergei", "Lavrov")), List.of("Guaido")));
        restored.restore("1", DAY, new People.Named(List.of(), List.of("Lavrov")));
        restored.restore("2", DAY, new People.Named(List.of(List.of("Sergey", "Lavrov"), List.of("Juan", "Gudaio")), List.of()));
        for (String id : List.of("1", "2", "3")) {
            assertThat(restored.resolution(id)).as(id).isEqualTo(people.resolution(id));
        }
    }

    @Test
    void aWordOfTheVocabularyWrittenAloneIsRevisedWhenTheMostNamedGroupWithItsLastNameChangesAndNotByCloseNames() {
        People withWords = new People(new People.Vocabulary(word -> false, word -> word.equals("baker")));
        Named james = new Named(List.of(List.of("James", "Baker")), List.of());
        Named jim = new Named(List.of(List.of("Jim", "Baker")), List.of());
        withWords.see("james-1", DAY, james);
        withWords.see("james-2", DAY, james);
        withWords.see("jim-1", DAY, jim);
        withWords.see("jim-2", DAY, jim);
        People.Resolution alone = withWords.see("alone", DAY, new Named(List.of(), List.of("Baker"))).resolution();
        assertThat(alone.surname("Baker")).as("a tie between the groups: the smaller id")
                .map(People.Person::id).contains("person:james-baker");

        People.Seen bakers = withWords.see("bakers-1", DAY, new Named(List.of(List.of("Thomas", "Bakers")), List.of()));
        withWords.see("bakers-2", DAY, new Named(List.of(List.of("Thomas", "Bakers")), List.of()));
        People.Seen third = withWords.see("jim-3", DAY, jim);

        assertThat(bakers.revisions()).as("a close last name is no reading of a word of the vocabulary").isEmpty();
        assertThat(third.revisions()).extracting(People.Revision::articleId).containsExactly("alone");
        assertThat(third.revisions().getFirst().resolution().surname("Baker")).map(People.Person::id)
                .contains("person:jim-baker");
    }

    private void knowThousandsOfOthers() {
        for (int i = 0; i < 3000; i++) {
            see("other-" + i, List.of(), "Person" + letters(i) + " Name" + letters(i * 7 + 3));
        }
    }

    /** Base-26 letters: name keys keep letters only. */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }
}
