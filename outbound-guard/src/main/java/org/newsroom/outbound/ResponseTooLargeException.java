package org.newsroom.outbound;

import java.io.IOException;

/** The response body was longer than {@link OutboundSettings#maxResponseBytes()}; reading stopped at the limit. */
public class ResponseTooLargeException extends IOException {

    private final long limit;

    public ResponseTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
