package org.newsroom.ingest.parsing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * trafilatura's "with / without" score ({@code tests/eval_common.py}) of the pages in {@code data/html-eval}: each
 * page names text segments the output must contain and boilerplate segments it must not, both matched as
 * case-sensitive substrings after collapsing whitespace. Counts are summed over pages (micro average).
 */
record SegmentCounts(int truePositives, int falseNegatives, int falsePositives, int trueNegatives) {

    /** Python's {@code \s}, which also matches the no-break space pages are full of. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    static SegmentCounts of(String extracted, List<String> with, List<String> without) {
        String output = normalised(extracted);
        int tp = 0;
        int fp = 0;
        for (String segment : with) {
            if (!output.isEmpty() && output.contains(normalised(segment))) {
                tp++;
            }
        }
        for (String segment : without) {
            if (!output.isEmpty() && output.contains(normalised(segment))) {
                fp++;
            }
        }
        return new SegmentCounts(tp, with.size() - tp, fp, without.size() - fp);
    }

    SegmentCounts plus(SegmentCounts other) {
        return new SegmentCounts(truePositives + other.truePositives, falseNegatives + other.falseNegatives,
                falsePositives + other.falsePositives, trueNegatives + other.trueNegatives);
    }

    double precision() {
        return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
        return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
    }

    double f1() {
        int denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }

    private static String normalised(String text) {
        return WHITESPACE.matcher(text == null ? "" : text).replaceAll(" ").strip();
    }
}
