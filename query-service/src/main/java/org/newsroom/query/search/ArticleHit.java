package org.newsroom.query.search;

import java.time.Instant;
import java.util.List;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.Tag;
import org.newsroom.query.web.Links;

/**
 * One article in a result list, with the fields a reader scans: headline, source, date, agency and a
 * snippet. {@code id} is the article id. Highlights are HTML-escaped text with matches in {@code <mark>}.
 * When duplicates are collapsed, the hit is the group's original where it matches, and
 * {@code republicationCount} says how many matching copies were folded under it (the first few listed in
 * {@code republications}); both are null when duplicates are included. A {@code url} that is not http(s) is
 * dropped (see {@link Links}). {@code extraction} says how the text of a web page was found (null otherwise).
 */
public record ArticleHit(String id, String headline, Instant publishedAt, Source source, Dateline dateline,
                         String url, String snippet, Dedup dedup, String storyId, Double score,
                         String headlineHighlight, String language, List<Tag> tags, List<Entity> entities,
                         Integer republicationCount, List<Republication> republications, Extraction extraction) {

    public ArticleHit {
        url = Links.isHttp(url) ? url : null;
    }

    /** A copy of the hit's article, as listed under it. */
    public record Republication(String id, String headline, Instant publishedAt, Source source, Dateline dateline,
                                String url, Dedup dedup) {

        public Republication {
            url = Links.isHttp(url) ? url : null;
        }
    }
}
