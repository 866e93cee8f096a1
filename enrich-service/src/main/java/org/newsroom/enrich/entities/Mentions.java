package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into runs of capitalised words (the candidates for names), each with the word before and
 * after it. A run breaks at punctuation, at a lower-case word (except the connectors of names such as "of"
 * or "de") and at sentence ends; possessives are dropped ("Lavrov's" is "Lavrov").
 */
final class Mentions {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’.\\-]*");
    private static final Pattern ABBREVIATION = Pattern.compile("(\\p{Lu}\\.)+|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|St\\.");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.\\-]+$");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern SENTENCE_GAP = Pattern.compile(".*[.!?:\"“”].*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]$");
    static final List<String> CONNECTORS_OF = List.of("of", "de", "da", "del", "van", "von", "bin", "al");

    /** A run of capitalised words; {@code sentenceStart} when its first word opens a sentence. */
    record Run(List<String> words, String before, String after, boolean sentenceStart) {
    }

    private Mentions() {
    }

    static List<Run> in(String paragraph) {
        List<String> words = new ArrayList<>();
        List<Boolean> breakBefore = new ArrayList<>();
        List<Boolean> sentenceStart = new ArrayList<>();
        Matcher m = WORD.matcher(paragraph);
        int end = 0;
        boolean newSentence = true;
        while (m.find()) {
            String raw = m.group();
            String gap = paragraph.substring(end, m.start());
            boolean abbreviation = ABBREVIATION.matcher(raw).matches();
            String word = abbreviation ? raw : TRAILING_PUNCTUATION.matcher(raw).replaceAll("");
            words.add(POSSESSIVE.matcher(word).replaceAll(""));
            breakBefore.add(!gap.isBlank() || newSentence);
            sentenceStart.add(newSentence || SENTENCE_GAP.matcher(gap).matches());
            newSentence = !abbreviation && SENTENCE_END.matcher(raw).find();
            end = m.end();
        }
        return runs(words, breakBefore, sentenceStart);
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
                    j < words.size() && !breakBefore.get(j) ? words.get(j) : "", sentenceStart.get(i)));
            i = j;
        }
        return runs;
    }

    static boolean capitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }
}
