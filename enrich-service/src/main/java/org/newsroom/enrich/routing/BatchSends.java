package org.newsroom.enrich.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.TransactionAbortedException;

/**
 * The sends of one routing transaction, each under the position in the batch of the record it copies; when the
 * transaction fails, which record it failed on. A record the producer rejects (too large, say) fails its own send,
 * at once or when the broker answers; the sends after it fail only because the transaction is already failing.
 * So the first record with a failed send, or the one whose send threw, is the one to blame.
 */
final class BatchSends {

    /** The record a failed transaction failed on, and why; record 0 when no record's send failed. */
    record Failure(int record, Throwable cause) {
    }

    private static final int NONE = -1;

    private final List<CompletableFuture<?>> futures = new ArrayList<>();
    private final List<Integer> owners = new ArrayList<>();
    private int sending = NONE;

    void sending(int record) {
        sending = record;
    }

    void sent(CompletableFuture<?> future) {
        futures.add(future);
        owners.add(sending);
    }

    /** Every copy is handed to the producer: a failure from here on is the transaction's, not a record's. */
    void allSent() {
        sending = NONE;
    }

    Failure failure(RuntimeException transactionFailure) {
        for (int i = 0; i < futures.size() && (sending == NONE || owners.get(i) < sending); i++) {
            Throwable own = ownFailure(futures.get(i));
            if (own != null) {
                return new Failure(owners.get(i), own);
            }
        }
        return new Failure(sending == NONE ? 0 : sending, transactionFailure);
    }

    /** Why a send failed on its own account; null when it succeeded, is pending, or was only aborted with the rest. */
    private static Throwable ownFailure(CompletableFuture<?> future) {
        if (!future.isCompletedExceptionally()) {
            return null;
        }
        Throwable failure = future.handle((result, e) -> e).getNow(null);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionAbortedException) {
                return null;
            }
        }
        return failure;
    }
}
