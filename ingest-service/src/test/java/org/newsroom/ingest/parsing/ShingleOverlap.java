package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page's score as the Zyte article-extraction benchmark computes it ({@code evaluate.py},
 * {@code string_shingle_matching}): the texts become runs of {@code \w+} tokens (Python's Unicode {@code \w}, case
 * kept), every 4 consecutive tokens are a shingle, and shingles are matched with multiplicity. tp, fp and fn are
 * divided by their sum so that a long article weighs no more than a short one. Word order counts, unlike a bag of
 * tokens: text pasted from elsewhere or in the wrong order is not credited.
 */
record ShingleOverlap(double tp, double fp, double fn) {

    private static final int SHINGLE = 4;

    static ShingleOverlap of(String extracted, String truth) {
        Map<List<String>, Integer> predicted = shingles(extracted);
        Map<List<String>, Integer> expected = shingles(truth);
        Set<List<String>> keys = new HashSet<>(predicted.keySet());
        keys.addAll(expected.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> key : keys) {
            int got = predicted.getOrDefault(key, 0);
            int want = expected.getOrDefault(key, 0);
            tp += Math.min(got, want);
            fp += Math.max(0, got - want);
            fn += Math.max(0, want - got);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new ShingleOverlap(tp / sum, fp / sum, fn / sum) : new ShingleOverlap(0, 0, 0);
    }

    /** evaluate.py's precision_score: a page with nothing on either side is perfect. */
    double precision() {
        if (fp == 0 && fn == 0) {
            return 1;
        }
        return tp + fp == 0 ? 0 : tp / (tp + fp);
    }

    double recall() {
        if (fp == 0 && fn == 0) {
            return 1;
        }
        return tp + fn == 0 ? 0 : tp / (tp + fn);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * The benchmark's summary: precision averaged over the pages where something was extracted (tp + fp > 0: an
     * empty output does not count against precision, only against recall), recall over the pages with a ground
     * truth, and F1 of those two means (not a mean of per-page F1).
     */
    record Summary(double precision, double recall, int pages) {

        static Summary of(List<ShingleOverlap> scores) {
            double precision = scores.stream().filter(s -> s.tp() + s.fp() > 0).mapToDouble(ShingleOverlap::precision)
                    .average().orElse(0);
            double recall = scores.stream().filter(s -> s.tp() + s.fn() > 0).mapToDouble(ShingleOverlap::recall)
                    .average().orElse(0);
            return new Summary(precision, recall, scores.size());
        }

        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<List<String>, Integer> shingles = new HashMap<>();
        // As in _ngrams: a text shorter than a shingle is one short shingle, an empty one none.
        for (int i = 0; i < Math.max(1, tokens.size() - SHINGLE + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + SHINGLE));
            if (!shingle.isEmpty()) {
                shingles.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return shingles;
    }

    /** Python's {@code \w+} on a str: letters, digits and other numbers, and the underscore. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isWordCharacter(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    private static boolean isWordCharacter(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER || cp == '_';
    }
}
