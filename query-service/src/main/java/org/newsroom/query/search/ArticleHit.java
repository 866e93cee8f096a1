package org.newsroom.query.search;

import java.time.Instant;
import java.util.List;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Source;

/**
 * One article in a result list, with the fields a reader scans: headline, source, date, agency and a
 * snippet. {@code id} is the article id.
 */
public record ArticleHit(String id, String headline, Instant publishedAt, Source source, Dateline dateline,
                         String url, String snippet, Dedup dedup, String storyId, Double score) {
}
