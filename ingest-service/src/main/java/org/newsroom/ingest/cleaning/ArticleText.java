package org.newsroom.ingest.cleaning;

import java.time.Instant;
import java.util.List;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Removal;

/**
 * An article as cleaning sees it: what a parser read, before (or after) boilerplate removal and metadata
 * completion. Optional fields are null when unknown.
 */
public record ArticleText(String headline, List<String> paragraphs, Instant publishedAt, String byline,
                          Dateline dateline, String language, String url, List<Removal> removed) {

    public ArticleText {
        paragraphs = List.copyOf(paragraphs);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
