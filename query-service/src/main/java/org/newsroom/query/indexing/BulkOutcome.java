package org.newsroom.query.indexing;

import java.util.List;

/**
 * What became of each item of a bulk request: written, a version conflict (an equal or newer version is
 * already indexed: counted, not an error), retryable (429, 5xx) or rejected for good (the document itself
 * is wrong: dead-lettered).
 */
public record BulkOutcome(int written, int conflicts, List<Failure> retryable, List<Failure> rejected) {

    static final BulkOutcome EMPTY = new BulkOutcome(0, 0, List.of(), List.of());

    public BulkOutcome {
        retryable = List.copyOf(retryable);
        rejected = List.copyOf(rejected);
    }

    public record Failure(String articleId, int status, String reason) {
    }
}
