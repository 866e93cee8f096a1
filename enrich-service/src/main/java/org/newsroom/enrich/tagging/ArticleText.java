package org.newsroom.enrich.tagging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.enrich.normalising.Words;

/**
 * An article's words joined by single spaces, so a rule term matches whole words and phrases whatever the
 * punctuation, case or line breaks around them. A term ending in {@code *} matches any word it begins.
 */
final class ArticleText {

    private final String joined;
    private final Set<String> words;

    private ArticleText(List<String> words) {
        this.joined = " " + String.join(" ", words) + " ";
        this.words = new HashSet<>(words);
    }

    static ArticleText of(String headline, String body) {
        return new ArticleText(Words.of((headline == null ? "" : headline) + "\n" + (body == null ? "" : body)));
    }

    /** A term as the words {@link #countPhrase} looks for; worth keeping for a term counted in many articles. */
    static String phrase(String term) {
        return String.join(" ", Words.of(term));
    }

    /** How often {@code term} occurs. */
    int count(String term) {
        String phrase = phrase(term);
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
        return countPhrase(phrase);
    }

    /** How often {@code phrase} (from {@link #phrase}) occurs as whole words. */
    int countPhrase(String phrase) {
        int firstEnd = phrase.indexOf(' ');
        // Most phrases tried are absent: a set lookup of their first word rules them out without a text scan.
        if (phrase.isEmpty() || !words.contains(firstEnd < 0 ? phrase : phrase.substring(0, firstEnd))) {
            return 0;
        }
        String needle = " " + phrase + " ";
        int n = 0;
        for (int i = joined.indexOf(needle); i >= 0; i = joined.indexOf(needle, i + needle.length() - 1)) {
            n++;
        }
        return n;
    }
}
