package org.newsroom.enrich.tagging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.newsroom.enrich.normalising.ArticleTokens;
import org.newsroom.enrich.normalising.Words;

/**
 * An article's words joined by single spaces, so a rule term matches whole words and phrases whatever the
 * punctuation, case or line breaks around them. A term ending in {@code *} matches any word it begins.
 */
final class ArticleText {

    private final String joined;
    private final List<String> tokens;
    private final Set<String> words;

    private ArticleText(List<String> words) {
        this.joined = " " + String.join(" ", words) + " ";
        this.tokens = words;
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
     * A rule's term, worked out when the rules load: its words, and for a term ending in {@code *} those words
     * one by one, the last of which may run on.
     */
    record Term(String text, String phrase, List<String> wildcard) {

        static Term of(String text) {
            List<String> words = Words.of(text);
            return new Term(text, String.join(" ", words),
                    text.strip().endsWith("*") && !words.isEmpty() ? List.copyOf(words) : null);
        }
    }

    /** How often {@code term} occurs. */
    int count(Term term) {
        return term.wildcard() == null ? countPhrase(term.phrase()) : countWildcard(term.wildcard());
    }

    /**
     * How often the words occur in a row, the last one as the start of a word; occurrences do not overlap. What
     * the pattern {@code " w1 w2 ... wk[^ ]* "} finds in the joined words, searched on from each match's last space.
     */
    private int countWildcard(List<String> wildcard) {
        int k = wildcard.size();
        int n = 0;
        int i = 0;
        while (i + k <= tokens.size()) {
            if (startsWildcard(wildcard, i)) {
                n++;
                i += k;
            } else {
                i++;
            }
        }
        return n;
    }

    private boolean startsWildcard(List<String> wildcard, int at) {
        int last = wildcard.size() - 1;
        for (int j = 0; j < last; j++) {
            if (!tokens.get(at + j).equals(wildcard.get(j))) {
                return false;
            }
        }
        return tokens.get(at + last).startsWith(wildcard.get(last));
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
