package org.newsroom.ingest.intake;

import java.time.Instant;
import java.util.UUID;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.ingest.identity.ArticleIds;
import org.newsroom.ingest.parsing.ParsedArticle;

/** Gives a parsed article its identity and source: the event every intake path, backfill included, publishes. */
public final class Receipts {

    private Receipts() {
    }

    public static ArticleReceived received(ParsedArticle parsed, Source source, Instant now) {
        return new ArticleReceived(UUID.randomUUID(), now, idOf(parsed, source), parsed.version(), source,
                parsed.format(), parsed.url(), parsed.guid(), parsed.headline(), parsed.paragraphs(),
                parsed.publishedAt(), parsed.byline(), parsed.dateline(), parsed.language(), parsed.removed(), parsed.pubStatus(), null);
    }

    public static String idOf(ParsedArticle parsed, Source source) {
        if (parsed.guid() != null && !parsed.guid().isBlank()) {
            return ArticleIds.fromGuid(parsed.guid());
        }
        if (parsed.url() != null && !parsed.url().isBlank()) {
            return ArticleIds.fromUrl(parsed.url());
        }
        return ArticleIds.fromContent(source.name(), parsed.headline(), parsed.paragraphs());
    }
}
