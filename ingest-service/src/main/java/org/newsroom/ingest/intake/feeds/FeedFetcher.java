package org.newsroom.ingest.intake.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches a feed with a conditional GET: the validators of the last document taken in are sent back
 * ({@code If-None-Match}, {@code If-Modified-Since}), so an unchanged feed costs a 304 and no parsing.
 */
final class FeedFetcher {

    /** What a fetch found: nothing new, or a document with the validators to send next time. */
    sealed interface Fetched {
        record NotModified() implements Fetched {
        }

        record Document(byte[] content, String etag, String lastModified) implements Fetched {
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    FeedFetcher(Duration timeout, long maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    Fetched fetch(URI url, FeedState state) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("User-Agent", "newsroom-ingest (feed poller)")
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8");
        if (state.etag() != null) {
            request.header("If-None-Match", state.etag());
        }
        if (state.lastModified() != null) {
            request.header("If-Modified-Since", state.lastModified());
        }
        HttpResponse<InputStream> response = send(request.build());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return new Fetched.NotModified();
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                throw new IOException("feed larger than the limit of %d bytes (ingest.max-file-size)".formatted(maxBytes));
            }
            return new Fetched.Document(content, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + request.uri(), e);
        }
    }
}
