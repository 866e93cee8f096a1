package org.newsroom.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved search (alert) matched a newly indexed article. Published on {@link Topics#ALERTS_MATCHED},
 * keyed by {@code alertId}, so every match of one alert stays in order on one partition.
 *
 * @param eventId   id of this match event
 * @param matchedAt when the article was matched against the saved searches
 * @param alertId   id of the saved search
 * @param alertName the name its owner gave it
 * @param articleId the article that matched
 * @param headline  the article's headline, so a notification can be shown without a lookup
 */
public record AlertMatched(UUID eventId, Instant matchedAt, String alertId, String alertName, String articleId,
                           String headline) {

    public AlertMatched {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(matchedAt, "matchedAt");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(alertName, "alertName");
        Articles.requireId(articleId);
        Objects.requireNonNull(headline, "headline");
    }
}
