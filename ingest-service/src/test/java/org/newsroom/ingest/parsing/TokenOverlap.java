package org.newsroom.ingest.parsing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token-level precision, recall and F1 of an extracted text against the ground truth, as the article
 * extraction benchmark scores them: bags of lowercased word tokens, overlap counted with multiplicity.
 */
record TokenOverlap(double precision, double recall) {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    static TokenOverlap of(String extracted, String truth) {
        Map<String, Integer> got = bag(extracted);
        Map<String, Integer> expected = bag(truth);
        int overlap = 0;
        for (Map.Entry<String, Integer> token : got.entrySet()) {
            overlap += Math.min(token.getValue(), expected.getOrDefault(token.getKey(), 0));
        }
        int gotCount = got.values().stream().mapToInt(Integer::intValue).sum();
        int expectedCount = expected.values().stream().mapToInt(Integer::intValue).sum();
        return new TokenOverlap(gotCount == 0 ? 0 : (double) overlap / gotCount,
                expectedCount == 0 ? 0 : (double) overlap / expectedCount);
    }

    double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher token = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (token.find()) {
            bag.merge(token.group(), 1, Integer::sum);
        }
        return bag;
    }
}
