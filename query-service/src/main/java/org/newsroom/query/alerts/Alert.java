package org.newsroom.query.alerts;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved search: a simple-syntax query and exact filters, checked against every newly indexed article.
 * A match is published on {@code alerts.matched.v1} and, when {@code webhook} is set, POSTed there.
 * {@code owner} is the principal that saved it: only it (or an admin) sees and deletes it. Searches saved before
 * owners were recorded have none and are seen by admins only.
 */
public record Alert(String id, String name, String query, String tag, String source, String agency,
                    String language, URI webhook, Instant createdAt, String owner) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
