package org.newsroom.outbound;

import java.io.IOException;

/**
 * The outbound policy refused the destination (scheme, internal address, a redirect to one): no connection was made,
 * and trying again will not help until the allow-list or the destination changes.
 */
public class RefusedDestinationException extends IOException {

    public RefusedDestinationException(String message) {
        super(message);
    }
}
