package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Removal;

/** The five seed articles come out as the "done when" says, and cleaning eats no story paragraph. */
class SeedArticlesTests {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void contributorLineOf000IsRemovedAndRecorded() throws Exception {
        ParsedArticle article = seed("000_e48b20290115f886.txt");

        assertThat(article.headline()).isEqualTo("Pompeo-Lavrov meeting comes as Venezuela tension grows");
        assertThat(article.removed()).containsExactly(
                new Removal("Matthew Lee in Washington contributed to this story.", "contributor-line"));
        assertThat(article.paragraphs()).hasSize(14).last().asString().startsWith("Russia's backing of Maduro");
    }

    @Test
    void checkAlsoTailOf001IsGone() throws Exception {
        ParsedArticle article = seed("001_2ba139ad32a30a4e.txt");

        assertThat(String.join("\n", article.paragraphs())).doesNotContain("Check Also", "Western Balkans");
        assertThat(article.paragraphs()).last().asString().startsWith("On Wednesday, Lavrov asked Pompeo");
        assertThat(article.removed()).extracting(Removal::reason).containsOnly("related-links").hasSize(3);
        assertThat(article.removed().getFirst().text()).isEqualTo("Check Also");
    }

    @Test
    void datelineOf002GivesAfpAndMoscow() throws Exception {
        ParsedArticle article = seed("002_634aa77e30c9f16e.txt");

        assertThat(article.dateline()).isEqualTo(new Dateline("Moscow", "AFP"));
        assertThat(article.removed()).containsExactly(new Removal("Moscow (AFP) –", "dateline"));
        assertThat(article.paragraphs().getFirst()).startsWith("US Secretary of State Mike Pompeo will have");
        assertThat(article.paragraphs()).contains("- Venezuela -");
    }

    @Test
    void article003IsDatedFromItsDateLineWithADerivedHeadline() throws Exception {
        ParsedArticle article = seed("003_45f52d6ee3fc0544.txt");

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2019-05-06T00:00:00Z"));
        assertThat(article.headline()).startsWith("United States Secretary of State Mike Pompeo pressed yesterday")
                .hasSizeLessThanOrEqualTo(112);
        assertThat(article.paragraphs()).hasSize(8);
        assertThat(article.removed()).isEmpty();
    }

    @Test
    void captionCreditAndCommentsOf004GoWithoutMakingItAfp() throws Exception {
        ParsedArticle article = seed("004_e01321085d2590f2.txt");

        assertThat(article.removed()).containsExactlyInAnyOrder(
                new Removal("Russian President Vladimir Putin (R) meets with his Venezuelan counterpart Nicolas Maduro",
                        "photo-caption"),
                new Removal("MAXIM SHEMETOV/AFP/Getty Images", "photo-credit"),
                new Removal("COMMENTS", "comments-prompt"),
                new Removal("Please let us know if you're having issues with commenting.", "comments-prompt"));
        assertThat(article.dateline()).isNull();
        assertThat(article.paragraphs()).hasSize(12).first().asString().startsWith("Russia is ready to engage");
        assertThat(article.paragraphs()).last().asString().startsWith("In talks with Venezuelan Vice President");
    }

    @Test
    void cleaningNeverEatsAStoryParagraph() throws Exception {
        for (String seed : List.of("000_e48b20290115f886.txt", "001_2ba139ad32a30a4e.txt", "002_634aa77e30c9f16e.txt",
                "003_45f52d6ee3fc0544.txt", "004_e01321085d2590f2.txt")) {
            ParsedArticle raw = new PlainTextParser().parse(Samples.bytes("seeds/" + seed));
            ParsedArticle clean = seed(seed);
            List<String> removed = clean.removed().stream().map(Removal::text).toList();
            List<String> kept = raw.paragraphs().stream()
                    .filter(paragraph -> removed.stream().noneMatch(paragraph::contains)).toList();

            assertThat(clean.paragraphs()).as(seed).isEqualTo(kept);
            assertThat(clean.language()).as(seed).isEqualTo("en");
        }
    }

    @Test
    void articlesBuiltElsewhereGetTheSameCleaning() throws Exception {
        ParsedArticle raw = new PlainTextParser().parse(Samples.bytes("seeds/000_e48b20290115f886.txt"));

        assertThat(parser.cleaned(raw)).isEqualTo(seed("000_e48b20290115f886.txt"));
    }

    private ParsedArticle seed(String name) throws UnreadableDocumentException {
        List<ParsedArticle> articles = parser.parse(name, Samples.bytes("seeds/" + name));
        assertThat(articles).hasSize(1);
        return articles.getFirst();
    }
}
