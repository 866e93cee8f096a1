package org.newsroom.enrich.tagging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.enrich.normalising.ArticleTokens;
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

    static ArticleText of(ArticleTokens tokens) {
        return new ArticleText(tokens.words());
    }

    /** The words of the article, each once. */
    Set<String> distinctWords() {
        return words;
    }

    /** A term as the words {@link #countPhrase} looks for; worked out once per term, not per article. */
    static String phrase(String term) {
        return String.join(" ", Words.of(term));
    }

    /**
     * A rule's term, worked out when the rules load: its words, and for a term ending in {@code *} the pattern of
     * a phrase whose last word may run on.
     */
    record Term(String text, String phrase, Pattern wildcard) {

        static Term of(String text) {
            String phrase = ArticleText.phrase(text);
            return new Term(text, phrase, text.strip().endsWith("*") && !phrase.isEmpty()
                    ? Pattern.compile(" " + Pattern.quote(phrase) + "[^ ]* ") : null);
        }
    }

    /** How often {@code term} occurs. */
    int count(Term term) {
        if (term.wildcard() == null) {
            return countPhrase(term.phrase());
        }
        Matcher m = term.wildcard().matcher(joined);
        int n = 0;
        int from = 0;
        while (m.find(from)) {
            n++;
            from = m.end() - 1;
        }
        return n;
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
