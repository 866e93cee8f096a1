package org.newsroom.outbound;

import java.net.UnknownHostException;

/**
 * Carries a refusal out of the HTTP client's connect step, whose {@code DnsResolver} may only throw
 * {@link UnknownHostException}; {@link GuardedHttp} turns it back into the {@link RefusedDestinationException}.
 */
final class RefusedResolution extends UnknownHostException {

    RefusedResolution(RefusedDestinationException refusal) {
        super(refusal.getMessage());
        initCause(refusal);
    }
}
