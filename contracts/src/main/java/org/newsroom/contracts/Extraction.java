package org.newsroom.contracts;

import java.util.Objects;

/**
 * How the text of an article taken from a web page was found, so that a newsroom can find weak extractions:
 * formats that carry their text (feeds, NewsML-G2, NITF, ninjs, plain text) have none.
 *
 * @param method     which path gave the text
 * @param confidence how sure the extractor is that the text is the whole article and nothing else, 0 to 1
 */
public record Extraction(Method method, double confidence) {

    public Extraction {
        Objects.requireNonNull(method, "method");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
    }

    /** The paths, from the most trusted to the least. */
    public enum Method {
        /** The container the publisher marked {@code itemprop="articleBody"}. */
        articleBody,
        /** The best-scoring container of running text, with its siblings. */
        scoredBlock,
        /** The {@code articleBody} of the page's JSON-LD: the best container was weak. */
        jsonLd,
        /** The single largest block of running text: the best container was weak, the page had no JSON-LD text. */
        largestBlock,
        /** The page's Open Graph or meta description, a summary and not the story: nothing else was found. */
        openGraph
    }
}
