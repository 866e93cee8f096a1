package org.newsroom.ingest.intake.http;

/** The request lacks the right API key, or no key is configured so the endpoint is closed. */
class ApiKeyException extends Exception {

    private final boolean configured;

    ApiKeyException(boolean configured) {
        super(configured ? "missing or wrong " + ArticleSubmissionController.API_KEY_HEADER + " header"
                : "POST /api/articles is disabled: no API key is configured (set INGEST_API_KEY)");
        this.configured = configured;
    }

    boolean configured() {
        return configured;
    }
}
