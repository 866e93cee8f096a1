package org.newsroom.ingest.intake.feeds;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsroom.outbound.GuardedHttp;
import org.newsroom.outbound.RefusedDestinationException;
import org.newsroom.outbound.ResponseTooLargeException;

/**
 * Fetches a feed with a conditional GET: the validators of the last document taken in are sent back
 * ({@code If-None-Match}, {@code If-Modified-Since}), so an unchanged feed costs a 304 and no parsing. Fetches go
 * through the outbound guard: no internal address, redirects checked, time and size bounded.
 */
final class FeedFetcher {

    /** What a fetch found: nothing new, or a document with the validators to send next time. */
    sealed interface Fetched {
        record NotModified() implements Fetched {
        }

        record Document(byte[] content, String etag, String lastModified) implements Fetched {
        }
    }

    private final GuardedHttp http;

    FeedFetcher(GuardedHttp http) {
        this.http = http;
    }

    Fetched fetch(URI url, FeedState state) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "newsroom-ingest (feed poller)");
        headers.put("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8");
        if (state.etag() != null) {
            headers.put("If-None-Match", state.etag());
        }
        if (state.lastModified() != null) {
            headers.put("If-Modified-Since", state.lastModified());
        }
        GuardedHttp.Response response = get(url, headers);
        if (response.status() == 304) {
            return new Fetched.NotModified();
        }
        if (response.status() / 100 != 2) {
            throw new IOException("HTTP " + response.status() + " from " + url);
        }
        return new Fetched.Document(response.body(), response.header("ETag").orElse(null),
                response.header("Last-Modified").orElse(null));
    }

    private GuardedHttp.Response get(URI url, Map<String, String> headers) throws IOException {
        try {
            return http.get(url, headers);
        } catch (ResponseTooLargeException e) {
            throw new IOException("feed larger than the limit of %d bytes (ingest.max-file-size)".formatted(e.limit()), e);
        } catch (RefusedDestinationException e) {
            throw new RefusedDestinationException("feed " + e.getMessage() + "; allow it with ingest.feeds.allow");
        }
    }
}
