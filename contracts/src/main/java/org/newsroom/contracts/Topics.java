package org.newsroom.contracts;

import java.util.Map;

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

    /**
     * The largest record every topic of the project takes, in bytes: each topic is created with it as
     * {@code max.message.bytes} and every producer sends with it as {@code max.request.size}, so a record one
     * stage could write is one the next stage can read. It leaves room for the largest article ingest accepts
     * ({@code ingest.max-article-size}, at most a quarter of this) after JSON escaping and enrichment.
     */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    /** The topic-level settings every topic of the project is created with (whatever the broker's defaults). */
    public static Map<String, String> topicConfig() {
        return Map.of("max.message.bytes", String.valueOf(MAX_RECORD_BYTES));
    }

    private Topics() {
    }

    /** Per-tag topics: {@code articles.tag.<slug>.v1}, {@link ArticleEnriched} values keyed by articleId. */
    public static final String TAG_TOPIC_PREFIX = "articles.tag.";
    public static final String TAG_TOPIC_SUFFIX = ".v1";

    /**
     * The topic of the articles carrying one tag, e.g. {@code articles.tag.venezuela.v1}; {@code slug} is the
     * tag's label in lower case with runs of other characters as single dashes ("United States" is
     * {@code united-states}).
     */
    public static String tagTopic(String slug) {
        if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a tag slug is lower-case words joined by dashes, was " + slug);
        }
        return TAG_TOPIC_PREFIX + slug + TAG_TOPIC_SUFFIX;
    }

    /**
     * The enriched stream of one reprocessing run, e.g. {@code articles.enriched.v1.replay.articles-v2}:
     * {@link ArticleEnriched} values keyed by articleId, written by a replaying enrich instance and read only by
     * the reprocess command, which deletes it when the run ends. {@code replay} names the run (the index it fills).
     */
    public static String replayOf(String replay) {
        if (replay == null || !replay.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("a replay name is lower-case letters, digits, '-' and '_', was " + replay);
        }
        return ARTICLES_ENRICHED + REPLAY_INFIX + replay;
    }

    /** What {@link #replayOf} puts between the enriched topic and the run's name. */
    public static final String REPLAY_INFIX = ".replay.";

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
