package org.newsroom.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.enrich.normalising.ArticleTokens;

class ArticleTextTests {

    private static final List<String> TERMS = List.of("sanction*", "diplomat*", "oil pric*", "interest rate*",
            "u.s. dollar*", "the*", "a*", "bank of eng*", "oil", "the", "interest rate", "bank of england",
            "the the", "mln dlrs", "u.s.", "a", "of the*");

    /**
     * A term is counted over the words' index; the pattern a wildcard was once searched with, and the search of a
     * phrase in the words joined by spaces, are the oracle.
     */
    @Test
    void aTermCountsWhatItsPatternFindsOnBothCorpora() {
        List<ArticleTokens> articles = new ArrayList<>();
        Reuters21578.read(Path.of("..", "data", "reuters21578"))
                .forEach(s -> articles.add(ArticleTokens.of(s.title(), s.paragraphs())));
        BbcNews.read(Path.of("..", "data", "bbc")).forEach(s -> articles.add(ArticleTokens.of(s.headline(), s.paragraphs())));
        List<ArticleText.Term> terms = TERMS.stream().map(ArticleText.Term::of).toList();
        long found = 0;
        for (ArticleTokens tokens : articles) {
            ArticleText text = ArticleText.of(tokens);
            String joined = " " + String.join(" ", tokens.words()) + " ";
            for (ArticleText.Term term : terms) {
                int n = text.count(term);
                assertThat(n).as(term.text()).isEqualTo(patternCount(String.join(" ", term.words()), term.wildcard(), joined));
                found += n;
            }
        }
        assertThat(found).isGreaterThan(100_000);
    }

    /** As rules were counted before: a term with no word left ("a*": one letter) counts nothing. */
    private static int patternCount(String phrase, boolean wildcard, String joined) {
        if (phrase.isEmpty()) {
            return 0;
        }
        Matcher m = Pattern.compile(" " + Pattern.quote(phrase) + (wildcard ? "[^ ]* " : " ")).matcher(joined);
        int n = 0;
        int from = 0;
        while (m.find(from)) {
            n++;
            from = m.end() - 1;
        }
        return n;
    }
}
