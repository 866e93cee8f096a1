package org.newsroom.enrich.normalising;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word tokens every text model in enrich-service sees: lower case, letters and digits, pure numbers and
 * one-letter tokens dropped. Training and runtime must tokenise alike.
 */
public final class Words {

    /** Function words that carry no topic; kept short on purpose, weighting does the rest. */
    private static final Set<String> STOP = Set.of("the", "of", "and", "to", "in", "a", "for", "on", "is", "it",
            "that", "by", "at", "as", "be", "was", "with", "from", "its", "said", "an", "are", "has", "he", "have",
            "will", "which", "or", "this", "not", "but", "were", "had", "been", "would", "they", "their", "also",
            "we", "his", "she", "her", "who", "there", "than", "so", "if", "into", "up", "out", "about");

    private Words() {
    }

    /** Whether a lower-case word is one {@link #content} leaves out ("said", "will"): the commonest of all. */
    public static boolean stopWord(String word) {
        return STOP.contains(word);
    }

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        add(text, words);
        return words;
    }

    /** Adds the words {@link #of} finds in {@code text} to {@code words}. */
    static void add(String text, List<String> words) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean part = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                if (i - start > 1 && !digitsOnly(lower, start, i)) {
                    words.add(lower.substring(start, i));
                }
                start = -1;
            }
        }
    }

    /** Tokens without function words: what similarity and topic models compare. */
    public static List<String> content(String text) {
        return content(of(text));
    }

    /** {@code words} (from {@link #of}) without function words. */
    public static List<String> content(List<String> words) {
        List<String> content = new ArrayList<>(words.size());
        for (String w : words) {
            if (!STOP.contains(w)) {
                content.add(w);
            }
        }
        return content;
    }

    private static boolean digitsOnly(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
