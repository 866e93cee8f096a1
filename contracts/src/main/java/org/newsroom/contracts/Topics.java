package org.newsroom.contracts;

/**
 * The Kafka topics the services talk through; the only place their names are written in code.
 * Every article topic is keyed by {@code articleId}.
 */
public final class Topics {

    /** {@link ArticleReceived} values keyed by articleId, published by ingest-service. */
    public static final String ARTICLES_RAW = "articles.raw.v1";

    /** {@link ArticleEnriched} values keyed by articleId: the all-articles stream for subscribers. */
    public static final String ARTICLES_ENRICHED = "articles.enriched.v1";

    /** {@link AlertMatched} values keyed by alertId: a saved search matched a newly indexed article. */
    public static final String ALERTS_MATCHED = "alerts.matched.v1";

    /** Suffix of a dead-letter topic: the original bytes, with the cause in headers. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final String ARTICLES_RAW_DLT = ARTICLES_RAW + DEAD_LETTER_SUFFIX;
    public static final String ARTICLES_ENRICHED_DLT = ARTICLES_ENRICHED + DEAD_LETTER_SUFFIX;

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
