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

    /** The event with a new correlation id. */
    public static ArticleReceived received(ParsedArticle parsed, Source source, Instant now) {
        return received(parsed, source, now, CorrelationIds.next());
    }

    public static ArticleReceived received(ParsedArticle parsed, Source source, Instant now, String correlationId) {
        return new ArticleReceived(UUID.randomUUID(), now, idOf(parsed, source), parsed.version(), source,
                parsed.format(), parsed.url(), parsed.guid(), parsed.headline(), parsed.paragraphs(),
                parsed.publishedAt(), parsed.byline(), parsed.dateline(), parsed.language(), parsed.removed(),
                parsed.pubStatus(), correlationId, parsed.extraction());
    }

    public static String idOf(ParsedArticle parsed, Source source) {
        if (parsed.guid() != null && !parsed.guid().isBlank()) {
            return ArticleIds.fromGuid(source.name(), parsed.guid());
        }
        if (parsed.url() != null && !parsed.url().isBlank()) {
            return ArticleIds.fromUrl(source.name(), parsed.url());
        }
        return ArticleIds.fromContent(source.name(), parsed.headline(), parsed.paragraphs());
    }
}
