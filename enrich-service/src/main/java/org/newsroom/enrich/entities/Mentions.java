package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into runs of capitalised words (the candidates for names), each with the word before and
 * after it. A run breaks at punctuation, at a lower-case word (except the connectors of names such as "of"
 * or "de") and at sentence ends; possessives are dropped ("Lavrov's" is "Lavrov").
 */
final class Mentions {

    /** Abbreviations whose full stop ends no sentence, besides initials ("U.S.", "J."). */
    private static final Set<String> TITLE_ABBREVIATIONS = Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "St.");
    static final List<String> CONNECTORS_OF = List.of("of", "de", "da", "del", "van", "von", "bin", "al");

    /**
     * A run of capitalised words; {@code sentenceStart} when its first word opens a sentence, {@code inCapitals}
     * when it comes from text that capitalises every word ({@link #inCapitals(String)}).
     */
    record Run(List<String> words, String before, String after, boolean sentenceStart, boolean inCapitals) {
    }

    private Mentions() {
    }

    static List<Run> in(String paragraph) {
        List<String> words = new ArrayList<>();
        List<Boolean> breakBefore = new ArrayList<>();
        List<Boolean> sentenceStart = new ArrayList<>();
        int end = 0;
        boolean newSentence = true;
        for (int start = wordStart(paragraph, 0); start >= 0; start = wordStart(paragraph, end)) {
            int wordEnd = wordEnd(paragraph, start);
            String raw = paragraph.substring(start, wordEnd);
            String gap = paragraph.substring(end, start);
            boolean abbreviation = abbreviation(raw);
            String word = abbreviation ? raw : withoutTrailingPunctuation(raw);
            words.add(withoutPossessive(word));
            breakBefore.add(!gap.isBlank() || newSentence);
            sentenceStart.add(newSentence || sentenceGap(gap));
            newSentence = !abbreviation && raw.endsWith(".");
            end = wordEnd;
        }
        return runs(words, breakBefore, sentenceStart);
    }

    /*
     * The word tests below run once per word of every article, so they are written out rather than matched with
     * patterns; each says the pattern it stands for.
     */

    /**
     * Where the next word {@code [\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*} starts at or after {@code from}, or -1:
     * a letter or a number.
     */
    static int wordStart(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c) || number(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Where the word starting at {@code start} ends: letters, marks, numbers, apostrophes, full stops, hyphens. */
    static int wordEnd(String text, int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!(Character.isLetter(c) || number(c) || mark(c) || c == '\'' || c == '’' || c == '.' || c == '-')) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** {@code \p{N}}. */
    private static boolean number(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** {@code \p{M}}. */
    private static boolean mark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** {@code (\p{Lu}\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|St\.}: initials or a title abbreviation. */
    static boolean abbreviation(String raw) {
        if (TITLE_ABBREVIATIONS.contains(raw)) {
            return true;
        }
        int i = 0;
        while (i < raw.length()) {
            int letter = raw.codePointAt(i);
            i += Character.charCount(letter);
            if (Character.getType(letter) != Character.UPPERCASE_LETTER || i >= raw.length() || raw.charAt(i) != '.') {
                return false;
            }
            i++;
        }
        return !raw.isEmpty();
    }

    /** {@code [.\-]+$} removed (a word found by {@link #wordEnd} holds no line break). */
    static String withoutTrailingPunctuation(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '.' || raw.charAt(end - 1) == '-')) {
            end--;
        }
        return raw.substring(0, end);
    }

    /** {@code ['’]s$} removed. */
    static String withoutPossessive(String word) {
        int n = word.length();
        return n >= 2 && word.charAt(n - 1) == 's' && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '’')
                ? word.substring(0, n - 2) : word;
    }

    /**
     * {@code .*[.!?:"“”].*} matched on the whole gap between two words: a sentence mark in it, and no line
     * terminator, which {@code .} does not match.
     */
    static boolean sentenceGap(String gap) {
        boolean mark = false;
        for (int i = 0; i < gap.length(); i++) {
            switch (gap.charAt(i)) {
                case '\n', '\r', '\u0085', '\u2028', '\u2029' -> {
                    return false;
                }
                case '.', '!', '?', ':', '"', '“', '”' -> mark = true;
                default -> {
                }
            }
        }
        return mark;
    }

    private static List<Run> runs(List<String> words, List<Boolean> breakBefore, List<Boolean> sentenceStart) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!capitalised(words.get(i))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < words.size() && !breakBefore.get(j) && (capitalised(words.get(j))
                    || CONNECTORS_OF.contains(words.get(j)) && j + 1 < words.size() && capitalised(words.get(j + 1))
                    && !breakBefore.get(j + 1))) {
                j++;
            }
            runs.add(new Run(List.copyOf(words.subList(i, j)), i > 0 && !breakBefore.get(i) ? words.get(i - 1) : "",
                    j < words.size() && !breakBefore.get(j) ? words.get(j) : "", sentenceStart.get(i), false));
            i = j;
        }
        return runs;
    }

    /**
     * A headline In Title Case or IN CAPITALS: more than three words, at least 70% of them capitalised. Words only:
     * "<TWA>" and "1987" are not counted.
     */
    static boolean isTitleCase(String headline) {
        int words = 0;
        int capitalised = 0;
        for (int start = wordStart(headline, 0); start >= 0; start = wordStart(headline, wordEnd(headline, start))) {
            if (Character.isLetter(headline.codePointAt(start))) {
                words++;
                capitalised += Character.isUpperCase(headline.charAt(start)) ? 1 : 0;
            }
        }
        return words > 3 && capitalised >= 0.7 * words;
    }

    /** A line IN CAPITALS (a table, a headline repeated): at least 12 letters, under a tenth of them lower case. */
    static boolean inCapitals(String line) {
        int letters = 0;
        int lowerCase = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                lowerCase += Character.isLowerCase(c) ? 1 : 0;
            }
        }
        return letters >= 12 && lowerCase * 10 < letters;
    }

    /** Whether one of the texts writes the word (of text in capitals) in lower case, as a whole word. */
    static boolean writtenInLowerCase(String word, List<String> texts) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String text : texts) {
            for (int at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
                int end = at + lower.length();
                if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The words of text in capitals, one run each: which of them are names, the rest of the article tells. */
    static List<Run> wordsInCapitals(String text) {
        return in(text).stream().flatMap(run -> run.words().stream())
                .map(word -> new Run(List.of(word), "", "", true, true)).toList();
    }

    static boolean capitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }
}
