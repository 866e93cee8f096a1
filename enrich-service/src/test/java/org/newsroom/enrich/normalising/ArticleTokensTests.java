package org.newsroom.enrich.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.enrich.tagging.TermWeights;

/**
 * The shared tokens must give every step exactly the words it tokenised for itself before: the rules
 * {@code Words.of(headline + "\n" + body)}, the classifier and stories {@code Words.content(TermWeights.document)}.
 */
class ArticleTokensTests {

    private static final Path DATA = Path.of("..", "data");

    private record Text(String headline, List<String> paragraphs) {
    }

    @Test
    void viewsEqualTheJoinedTextsOnBothCorpora() {
        List<Text> texts = new ArrayList<>();
        Reuters21578.read(DATA.resolve("reuters21578"))
                .forEach(s -> texts.add(new Text(s.title(), TextNormaliser.normalised(s.paragraphs()))));
        BbcNews.read(DATA.resolve("bbc")).forEach(s -> texts.add(new Text(s.headline(),
                TextNormaliser.normalised(s.paragraphs()))));
        assertThat(texts).hasSizeGreaterThan(20_000);
        for (Text t : texts) {
            assertViewsEqualTheJoinedTexts(t.headline(), t.paragraphs());
        }
    }

    @Test
    void partsLowerCaseAsTheJoinedTextDoes() {
        // A Greek final sigma lower-cases by context, a dotted capital I into two chars, a ligature stays one letter.
        assertViewsEqualTheJoinedTexts("ΟΔΟΣ ΑΘΗΝΑΣ", List.of("ΣΟΦΟΣ Σ", "İstanbul ﬁnance ½ x² 42 a", "ΟΔΟΣ"));
        assertViewsEqualTheJoinedTexts(null, List.of("No headline, the word's body."));
        assertViewsEqualTheJoinedTexts("Only a headline", List.of());
    }

    @Test
    void theDocumentCountsTheHeadlinesContentWordsTwice() {
        ArticleTokens tokens = ArticleTokens.of("Oil prices rise", List.of("The price of oil rose in 1987."));

        assertThat(tokens.words()).containsExactly("oil", "prices", "rise", "the", "price", "of", "oil", "rose", "in");
        assertThat(tokens.document())
                .containsExactly("oil", "prices", "rise", "oil", "prices", "rise", "price", "oil", "rose");
    }

    private static void assertViewsEqualTheJoinedTexts(String headline, List<String> paragraphs) {
        ArticleTokens tokens = ArticleTokens.of(headline, paragraphs);
        String body = String.join("\n\n", paragraphs);
        assertThat(tokens.words()).as(headline)
                .isEqualTo(Words.of((headline == null ? "" : headline) + "\n" + body));
        assertThat(tokens.document()).as(headline).isEqualTo(Words.content(TermWeights.document(headline, body)));
    }
}
