package org.newsroom.ingest.parsing;

import java.util.Objects;

/**
 * One item of a document that could not be read while the others could.
 *
 * @param item   where it was: its position (1-based) and, when it has one, its guid or title
 * @param reason   why it was refused, for the quarantine record
 * @param tooLarge whether it was refused for its size alone (an HTTP client gets 413 for it, not 400)
 */
public record ItemFailure(String item, String reason, boolean tooLarge) {

    public ItemFailure {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(reason, "reason");
    }

    public ItemFailure(String item, String reason) {
        this(item, reason, false);
    }
}
