package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserQueryTests {

    @Test
    void turnsNewsroomOperatorsIntoSimpleQuerySyntax() {
        assertThat(UserQuery.toSimpleQuery("venezuela OR iran")).isEqualTo("venezuela | iran");
        assertThat(UserQuery.toSimpleQuery("pompeo AND lavrov NOT putin")).isEqualTo("pompeo + lavrov -putin");
    }

    @Test
    void leavesPhrasesAndSymbolsAlone() {
        assertThat(UserQuery.toSimpleQuery("\"foreign minister\" OR sanction* -oil"))
                .isEqualTo("\"foreign minister\" | sanction* -oil");
        assertThat(UserQuery.toSimpleQuery("\"Trump OR Putin\"")).isEqualTo("\"Trump OR Putin\"");
    }

    @Test
    void keepsLowerCaseOperatorWordsAsWords() {
        assertThat(UserQuery.toSimpleQuery("  war or peace ")).isEqualTo("war or peace");
    }

    /** Found by fuzzing: the only case where the translation grows, by one space per closing quote. */
    @Test
    void separatesAWordGluedToAClosingQuote() {
        assertThat(UserQuery.toSimpleQuery("\"oil price\"rises")).isEqualTo("\"oil price\" rises");
    }
}
