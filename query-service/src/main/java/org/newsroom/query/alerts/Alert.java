package org.newsroom.query.alerts;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import org.newsroom.query.language.FilterValues;
import org.newsroom.query.language.NewsQuery;

/**
 * A saved search: a query in the search syntax and filters, checked against every newly indexed article (a desk
 * can be told of weak extractions as they arrive with {@code extractionConfidenceBelow}).
 * A match is published on {@code alerts.matched.v1} and, when {@code webhook} is set, POSTed there.
 * {@code owner} is the principal that saved it: only it (or an admin) sees and deletes it. Searches saved before
 * owners were recorded have none and are seen by admins only.
 */
public record Alert(String id, String name, String query, @JsonUnwrapped FilterValues filters, URI webhook,
                    Instant createdAt, String owner) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        // null would leave every filter's key out of the stored and listed JSON, where each stands, null or not
        filters = Objects.requireNonNullElse(filters, FilterValues.NONE);
    }

    /** What this saved search looks for, in the query model search and live streams share. */
    public NewsQuery toQuery() {
        return NewsQuery.parse(query, filters.toSearchFilters());
    }
}
