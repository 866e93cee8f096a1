package org.newsroom.contracts;

import java.util.regex.Pattern;

/** Rules every event applies to article ids: they are Kafka keys, Elasticsearch ids and URL segments. */
final class Articles {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private Articles() {
    }

    static String requireId(String articleId) {
        if (articleId == null || !ID.matcher(articleId).matches()) {
            throw new IllegalArgumentException("articleId must match " + ID + ", was " + articleId);
        }
        return articleId;
    }
}
