package org.newsroom.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Limits of one {@link GuardedHttp}.
 *
 * @param connectTimeout   to open a connection (per address tried)
 * @param readTimeout      the longest silence while waiting for the response or reading it
 * @param totalTimeout     the whole exchange, redirects and the body included: a server trickling bytes is cut off
 * @param maxResponseBytes a longer body fails with {@link ResponseTooLargeException}
 * @param maxRedirects     redirects followed, each checked like the first request; 0 returns a redirect as it is
 * @param allow            internal ranges and host names allowed all the same, see {@link OutboundPolicy#allowing}
 */
public record OutboundSettings(Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                               long maxResponseBytes, int maxRedirects, List<String> allow) {

    /** A body is read into one array. */
    static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 16;

    public OutboundSettings {
        for (Duration timeout : List.of(Objects.requireNonNull(connectTimeout, "connectTimeout"),
                Objects.requireNonNull(readTimeout, "readTimeout"), Objects.requireNonNull(totalTimeout, "totalTimeout"))) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("outbound timeouts must be positive: " + timeout);
            }
        }
        if (maxResponseBytes < 0 || maxResponseBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxResponseBytes out of 0.." + MAX_BODY_BYTES + ": " + maxResponseBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        allow = allow == null ? List.of() : List.copyOf(allow);
    }
}
