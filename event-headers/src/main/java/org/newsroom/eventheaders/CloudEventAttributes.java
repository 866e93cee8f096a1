package org.newsroom.eventheaders;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.newsroom.contracts.AlertMatched;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;

/**
 * The CloudEvents 1.0 context attributes of one event, all taken from the event itself, so the headers can
 * never disagree with the body: {@code id} is its eventId, {@code time} when it happened, {@code subject} the
 * article, {@code source} the service that owns the event type, and {@code correlationid} (an extension) the
 * article's correlation id when it has one.
 */
public record CloudEventAttributes(String id, String source, String type, Instant time, String subject,
                                   String correlationId) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public CloudEventAttributes {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    /** The attributes of a contract event; empty for any other value (it travels without ce_* headers). */
    public static Optional<CloudEventAttributes> of(Object event) {
        return Optional.ofNullable(switch (event) {
            case ArticleReceived a -> new CloudEventAttributes(text(a.eventId()), "/newsroom/ingest-service",
                    "org.newsroom.article.received.v1", a.occurredAt(), a.articleId(), a.correlationId());
            case ArticleEnriched a -> new CloudEventAttributes(text(a.eventId()), "/newsroom/enrich-service",
                    "org.newsroom.article.enriched.v1", a.occurredAt(), a.articleId(), a.correlationId());
            case AlertMatched m -> new CloudEventAttributes(text(m.eventId()), "/newsroom/query-service",
                    "org.newsroom.alert.matched.v1", m.matchedAt(), m.articleId(), null);
            case null, default -> null;
        });
    }

    private static String text(UUID id) {
        return id.toString();
    }
}
