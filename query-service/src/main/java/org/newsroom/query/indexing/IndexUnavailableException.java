package org.newsroom.query.indexing;

/** Elasticsearch could not take the batch now (429, 5xx): retried with backoff, never dead-lettered. */
class IndexUnavailableException extends RuntimeException {

    IndexUnavailableException(String message) {
        super(message);
    }
}
