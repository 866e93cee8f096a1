package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimpleQueryTests {

    private static final String SANCTIONS = "EU widens sanctions on Russia's banks as talks stall";

    @Test
    void requiresEveryTermAndMatchesPluralsAndPossessives() {
        assertThat(SimpleQuery.parse("sanction russia").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("sanction venezuela").matches(SANCTIONS)).isFalse();
        assertThat(SimpleQuery.parse("Banks").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("policies").matches("a new policy")).isTrue();
    }

    @Test
    void matchesQuotedPhrasesOnlyInOrder() {
        assertThat(SimpleQuery.parse("\"talks stall\"").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("\"stall talks\"").matches(SANCTIONS)).isFalse();
    }

    @Test
    void excludesTermsAfterAMinus() {
        assertThat(SimpleQuery.parse("sanctions -iran").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("sanctions -russia").matches(SANCTIONS)).isFalse();
    }

    @Test
    void acceptsEitherSideOfAnAlternative() {
        assertThat(SimpleQuery.parse("venezuela | russia").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("venezuela OR cuba").matches(SANCTIONS)).isFalse();
        assertThat(SimpleQuery.parse("(venezuela | russia) +banks").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("(venezuela | cuba) banks").matches(SANCTIONS)).isFalse();
    }

    @Test
    void readsTheWordOperatorsAsTheSearchApiDoes() {
        assertThat(SimpleQuery.parse("venezuela OR cuba OR russia AND banks NOT iran").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("sanctions NOT russia").matches(SANCTIONS)).isFalse();
        assertThat(SimpleQuery.toElasticsearchSyntax("\"talks stall\" OR (venezuela AND oil~2) NOT cuba"))
                .isEqualTo("\"talks stall\" | (venezuela +oil ) -cuba");
    }

    @Test
    void matchesPrefixesOfWords() {
        assertThat(SimpleQuery.parse("sanct*").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("sanctions*").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("embarg*").matches(SANCTIONS)).isFalse();
    }

    @Test
    void neverFailsOnBrokenSyntaxAndTreatsBlankAsEverything() {
        assertThat(SimpleQuery.parse("((sanctions\" -").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse(") | + banks~2").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse("  ").matches(SANCTIONS)).isTrue();
        assertThat(SimpleQuery.parse(null).matches("")).isTrue();
    }
}
