package org.newsroom.outbound;

import java.io.InterruptedIOException;

/** The exchange (redirects and body included) took longer than {@link OutboundSettings#totalTimeout()}, and was cut off. */
public class TotalTimeoutException extends InterruptedIOException {

    public TotalTimeoutException(String message, Throwable cause) {
        super(message);
        if (cause != null) {
            initCause(cause);
        }
    }
}
