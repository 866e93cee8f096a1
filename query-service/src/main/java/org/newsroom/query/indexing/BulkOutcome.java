package org.newsroom.query.indexing;

import java.util.List;

/**
 * What became of each item of a bulk request: written, a version conflict (a newer version is already
 * indexed: the ids are kept, not an error), retryable (429, 5xx) or rejected for good (the document itself
 * is wrong: dead-lettered).
 */
public record BulkOutcome(int written, List<String> conflicts, List<Failure> retryable, List<Failure> rejected) {

    static final BulkOutcome EMPTY = new BulkOutcome(0, List.of(), List.of(), List.of());

    public BulkOutcome {
        conflicts = List.copyOf(conflicts);
        retryable = List.copyOf(retryable);
        rejected = List.copyOf(rejected);
    }

    public record Failure(String articleId, int status, String reason) {
    }
}
