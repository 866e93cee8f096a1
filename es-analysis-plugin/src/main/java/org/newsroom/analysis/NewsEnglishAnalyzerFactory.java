package org.newsroom.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The analyzer {@code news_english}: {@link NewsEnglish#analyzer()}, Lucene's English analyzer (standard tokenizer, English
 * possessive, lowercase, English stop words, Porter stemmer), the same chain as the built-in {@code english}
 * analyzer of a full distribution, so "sanction" and "sanctions" index and search as one term everywhere.
 */
@NamedComponent(NewsEnglishAnalyzerFactory.NAME)
public class NewsEnglishAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "news_english";

    @Override
    public Analyzer create() {
        return NewsEnglish.analyzer();
    }
}
