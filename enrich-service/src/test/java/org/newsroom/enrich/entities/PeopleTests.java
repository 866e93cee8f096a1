package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeopleTests {

    private final People people = new People();

    @Test
    void resolvesAMisspeltLoneSurnameAmongThousandsOfKnownPeople() {
        knowThousandsOfOthers();
        People.Person guaido = people.fullName(List.of("Juan", "Guaido"));

        assertThat(people.surname("Gudaio")).contains(guaido);
        assertThat(people.surname("Guaidó")).contains(guaido);
        assertThat(people.surname("Gxxxxo")).isEmpty();
    }

    @Test
    void prefersTheClosestKnownSurname() {
        People.Person maduro = people.fullName(List.of("Nicolas", "Maduro"));
        People.Person madero = people.fullName(List.of("Ana", "Madero"));

        assertThat(people.surname("Maduto")).contains(maduro);
        assertThat(people.surname("Madeto")).contains(madero);
        assertThat(people.surname("Maduor")).contains(maduro);
    }

    @Test
    void takesAFullNameWithOneMisspeltPartForTheKnownPerson() {
        knowThousandsOfOthers();
        People.Person lavrov = people.fullName(List.of("Sergei", "Lavrov"));

        assertThat(people.fullName(List.of("Sergei", "Lavorv")).id()).isEqualTo(lavrov.id());
        assertThat(people.fullName(List.of("Sergio", "Lavrov")).id()).isEqualTo(lavrov.id());
        assertThat(people.fullName(List.of("Boris", "Lavrov")).id()).isEqualTo("person:boris-lavrov");
    }

    private void knowThousandsOfOthers() {
        for (int i = 0; i < 3000; i++) {
            people.fullName(List.of("Person" + letters(i), "Name" + letters(i * 7 + 3)));
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
