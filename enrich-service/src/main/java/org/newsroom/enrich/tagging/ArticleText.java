package org.newsroom.enrich.tagging;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsroom.enrich.normalising.ArticleTokens;
import org.newsroom.enrich.normalising.Words;

/**
 * An article's words, so a rule term matches whole words and phrases whatever the punctuation, case or line breaks
 * around them. A term ending in {@code *} matches any word it begins. Each word's positions are indexed once per
 * article: a term is looked for only where its first word is, not in the whole text.
 */
final class ArticleText {

    private final List<String> tokens;
    /** Each distinct word, with where it first occurs; {@link #next} links that to its later occurrences. */
    private final Map<String, Integer> first;
    /** Per position, the next position of the same word, or -1. */
    private final int[] next;

    private ArticleText(List<String> words) {
        this.tokens = words;
        this.first = HashMap.newHashMap(words.size());
        this.next = new int[words.size()];
        for (int i = words.size() - 1; i >= 0; i--) {
            Integer later = first.put(words.get(i), i);
            next[i] = later == null ? -1 : later;
        }
    }

    static ArticleText of(ArticleTokens tokens) {
        return new ArticleText(tokens.words());
    }

    /** The words of the article, each once, in no particular order. */
    Set<String> distinctWords() {
        return Collections.unmodifiableSet(first.keySet());
    }

    /** A term as the words {@link #countPhrase} looks for; worked out once per term, not per article. */
    static List<String> phrase(String term) {
        return List.copyOf(Words.of(term));
    }

    /**
     * A rule's term, worked out when the rules load: its words, of which the last may run on when the term ends
     * in {@code *} (a {@code wildcard}).
     */
    record Term(String text, List<String> words, boolean wildcard) {

        static Term of(String text) {
            List<String> words = phrase(text);
            return new Term(text, words, text.strip().endsWith("*") && !words.isEmpty());
        }
    }

    /** How often {@code term} occurs. */
    int count(Term term) {
        return count(term.words(), term.wildcard());
    }

    /** How often {@code phrase} (from {@link #phrase}) occurs as whole words. */
    int countPhrase(List<String> phrase) {
        return count(phrase, false);
    }

    /**
     * How often the words occur in a row, the last one as the start of a word if {@code lastRunsOn}; occurrences do
     * not overlap, the earliest counts. Nothing for no words.
     */
    private int count(List<String> words, boolean lastRunsOn) {
        if (words.isEmpty()) {
            return 0;
        }
        if (lastRunsOn && words.size() == 1) {
            return countWordsBeginning(words.getFirst());
        }
        int k = words.size();
        int n = 0;
        int free = 0;
        for (int at = at(words.getFirst()); at >= 0 && at + k <= tokens.size(); at = next[at]) {
            if (at >= free && startsAt(words, at, lastRunsOn)) {
                n++;
                free = at + k;
            }
        }
        return n;
    }

    private boolean startsAt(List<String> words, int at, boolean lastRunsOn) {
        int last = words.size() - 1;
        for (int j = 1; j < last; j++) {
            if (!tokens.get(at + j).equals(words.get(j))) {
                return false;
            }
        }
        String word = tokens.get(at + last);
        return last == 0 || (lastRunsOn ? word.startsWith(words.get(last)) : word.equals(words.get(last)));
    }

    /** How many words begin with {@code prefix}: a one-word wildcard's occurrences, which cannot overlap. */
    private int countWordsBeginning(String prefix) {
        int n = 0;
        for (String word : first.keySet()) {
            if (word.startsWith(prefix)) {
                for (int at = at(word); at >= 0; at = next[at]) {
                    n++;
                }
            }
        }
        return n;
    }

    private int at(String word) {
        Integer at = first.get(word);
        return at == null ? -1 : at;
    }
}
