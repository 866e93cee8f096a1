package org.newsroom.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Removal;

class ArticleCleanerTests {

    private static final String STORY = "The central bank raised interest rates by a quarter point on Tuesday, citing "
            + "persistent inflation in services and a tight labour market.";

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void reutersCreditLineNamesTheAgencyAndGoes() {
        ArticleText clean = clean(STORY, "Analysts had expected the move.", "(Reporting by Jane Doe; Editing by John Roe)");

        assertThat(clean.paragraphs()).containsExactly(STORY, "Analysts had expected the move.");
        assertThat(clean.removed()).containsExactly(new Removal("(Reporting by Jane Doe; Editing by John Roe)", "contributor-line"));
        assertThat(clean.dateline()).isEqualTo(new Dateline(null, "Reuters"));
    }

    @Test
    void contributorLineNamingAnAgencyGivesIt() {
        ArticleText clean = clean(STORY, "Analysts had expected the move.",
                "Associated Press writer Paul Wiseman in Washington contributed to this report.");

        assertThat(clean.dateline()).isEqualTo(new Dateline(null, "AP"));
        assertThat(clean.removed()).extracting(Removal::reason).containsExactly("contributor-line");
    }

    @Test
    void reutersSignOffOfOldWireCopyGivesTheAgency() {
        ArticleText clean = clean(STORY, "Analysts had expected the move.", "Reuter");

        assertThat(clean.dateline()).isEqualTo(new Dateline(null, "Reuters"));
        assertThat(clean.removed()).containsExactly(new Removal("Reuter", "agency-credit"));
    }

    @Test
    void agencyCreditAtTheEndGivesTheAgency() {
        ArticleText clean = clean(STORY, "Analysts had expected the move.", "— AFP");

        assertThat(clean.dateline()).isEqualTo(new Dateline(null, "AFP"));
        assertThat(clean.removed()).containsExactly(new Removal("— AFP", "agency-credit"));
    }

    @Test
    void photoCreditAloneNamesNoAgency() {
        ArticleText clean = clean("Protesters gather in the square (Photo by JOHN SMITH/AFP via Getty Images)", STORY);

        assertThat(clean.dateline()).isNull();
        assertThat(clean.paragraphs()).containsExactly(STORY);
        assertThat(clean.removed()).extracting(Removal::reason).containsExactly("photo-caption", "photo-credit");
    }

    @Test
    void agencyNamedInTheStoryTextIsNotTheArticlesAgency() {
        ArticleText clean = clean(STORY, "The statement was carried by Agence France-Presse (AFP) and Reuters.",
                "Officials declined to comment.");

        assertThat(clean.dateline()).isNull();
        assertThat(clean.removed()).isEmpty();
    }

    @Test
    void leadingBylineBecomesTheByline() {
        ArticleText clean = clean("By JANE DOE and John Roe", STORY);

        assertThat(clean.byline()).isEqualTo("JANE DOE and John Roe");
        assertThat(clean.paragraphs()).containsExactly(STORY);
    }

    @Test
    void singleBoilerplateLinesGoWhereverTheyAre() {
        ArticleText clean = clean(STORY, "Advertisement", "Analysts had expected the move.",
                "Sign up for our daily newsletter to get the news first.", "Officials declined to comment.");

        assertThat(clean.paragraphs()).containsExactly(STORY, "Analysts had expected the move.", "Officials declined to comment.");
        assertThat(clean.removed()).extracting(Removal::reason).containsOnly("boilerplate").hasSize(2);
    }

    @Test
    void aTailHeadingEarlyInTheArticleIsNotATail() {
        ArticleText clean = clean("Related", STORY, "Analysts had expected the move.", "Officials declined to comment.");

        assertThat(clean.paragraphs()).hasSize(4);
        assertThat(clean.removed()).isEmpty();
    }

    @Test
    void fillsLanguageDateAndCanonicalUrlOnlyWhenTheSourceDidNot() {
        ArticleText bare = cleaner.clean(new ArticleText("Rates rise", List.of("March 26, 2019 - " + STORY), null, null,
                null, null, "https://Example.com/rates?utm_campaign=x", List.of()));
        ArticleText given = cleaner.clean(new ArticleText("Rates rise", List.of(STORY), Instant.parse("2020-01-01T00:00:00Z"),
                null, null, "de", null, List.of()));

        assertThat(bare.language()).isEqualTo("en");
        assertThat(bare.publishedAt()).isEqualTo(Instant.parse("2019-03-26T00:00:00Z"));
        assertThat(bare.url()).isEqualTo("https://example.com/rates");
        assertThat(given.language()).isEqualTo("de");
        assertThat(given.publishedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void detectsTheLanguageOfNonEnglishText() {
        assertThat(Languages.detect("Die Bundesregierung hat am Dienstag neue Maßnahmen gegen die Inflation beschlossen, "
                + "die vor allem Familien mit geringem Einkommen entlasten sollen.")).contains("de");
        assertThat(Languages.detect("short")).isEmpty();
    }

    private ArticleText clean(String... paragraphs) {
        return cleaner.clean(new ArticleText("Headline", List.of(paragraphs), null, null, null, null, null, List.of()));
    }
}
