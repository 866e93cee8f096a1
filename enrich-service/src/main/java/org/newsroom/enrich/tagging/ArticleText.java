package org.newsroom.enrich.tagging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.enrich.normalising.Words;

/**
 * An article's words joined by single spaces, so a rule term matches whole words and phrases whatever the
 * punctuation, case or line breaks around them. A term ending in {@code *} matches any word it begins.
 */
final class ArticleText {

    private final String joined;

    private ArticleText(String joined) {
        this.joined = joined;
    }

    static ArticleText of(String headline, String body) {
        return new ArticleText(" " + String.join(" ", Words.of((headline == null ? "" : headline) + "\n"
                + (body == null ? "" : body))) + " ");
    }

    /** How often {@code term} occurs. */
    int count(String term) {
        String phrase = String.join(" ", Words.of(term));
        if (phrase.isEmpty()) {
            return 0;
        }
        if (term.strip().endsWith("*")) {
            Matcher m = Pattern.compile(" " + Pattern.quote(phrase) + "[^ ]* ").matcher(joined);
            int n = 0;
            int from = 0;
            while (m.find(from)) {
                n++;
                from = m.end() - 1;
            }
            return n;
        }
        String needle = " " + phrase + " ";
        int n = 0;
        for (int i = joined.indexOf(needle); i >= 0; i = joined.indexOf(needle, i + needle.length() - 1)) {
            n++;
        }
        return n;
    }
}
