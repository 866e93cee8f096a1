package org.newsroom.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The English analysis of news text, in plain Lucene: what the node's {@code news_english} analyzer runs
 * ({@link NewsEnglishAnalyzerFactory}) and what query-service runs in memory to match new articles against
 * saved searches and live streams, so both sides analyse with this one definition.
 */
public final class NewsEnglish {

    private NewsEnglish() {
    }

    /** Standard tokenizer, English possessive, lowercase, English stop words, Porter stemmer. */
    public static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }
}
