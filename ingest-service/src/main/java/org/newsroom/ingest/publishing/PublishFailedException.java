package org.newsroom.ingest.publishing;

/**
 * Kafka did not acknowledge a publication. Usually the broker is away and the input must be kept and offered
 * again; when Kafka refused the records themselves (too large, not serialisable) offering them again would fail
 * the same way forever, so the input is refused instead ({@link #retriable()} is false).
 */
public class PublishFailedException extends Exception {

    private final boolean retriable;

    public PublishFailedException(String message, Throwable cause) {
        this(message, cause, true);
    }

    public PublishFailedException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** Whether the same input may succeed later (the broker was away), as opposed to being refused for what it is. */
    public boolean retriable() {
        return retriable;
    }
}
