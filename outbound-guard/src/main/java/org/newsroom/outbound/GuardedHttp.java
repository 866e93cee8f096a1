package org.newsroom.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP GET and POST to addresses that come from configuration or users, within an {@link OutboundPolicy} and the
 * limits of {@link OutboundSettings}: connections go only to addresses {@link Destinations} allowed, redirects are
 * followed by hand and each hop checked the same way, and the whole exchange is cut off at the total timeout or
 * once the body passes the size limit. Thread-safe; close it to release its connections and timer thread.
 */
public final class GuardedHttp implements AutoCloseable {

    /** A complete response; header names are matched ignoring case. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public Response {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = Collections.unmodifiableMap(copy);
        }

        public Optional<String> header(String name) {
            return headers.getOrDefault(name, List.of()).stream().findFirst();
        }
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final OutboundSettings settings;
    private final Destinations destinations;
    private final CloseableHttpClient client;
    private final ScheduledThreadPoolExecutor deadlines;

    public GuardedHttp(OutboundSettings settings) {
        this(settings, new Destinations(OutboundPolicy.allowing(settings.allow()), SystemDefaultDnsResolver.INSTANCE,
                settings.connectTimeout()));
    }

    public GuardedHttp(OutboundSettings settings, Destinations destinations) {
        this.settings = settings;
        this.destinations = destinations;
        ConnectionConfig connection = ConnectionConfig.custom().setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout())).build();
        // No system properties: a proxy would be resolved instead of the target, and the check would miss it.
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(destinations)
                        .setDefaultConnectionConfig(connection).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.totalTimeout())).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .build();
        this.deadlines = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("outbound-deadline").factory());
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /** The check every request passes; also for refusing a URL when it is configured or submitted. */
    public Destinations destinations() {
        return destinations;
    }

    public Response get(URI uri, Map<String, String> headers) throws IOException {
        return exchange(new OutboundRequest("GET", uri, null, null, headers));
    }

    public Response post(URI uri, byte[] body, String contentType, Map<String, String> headers) throws IOException {
        return exchange(new OutboundRequest("POST", uri, body, contentType, headers));
    }

    private Response exchange(OutboundRequest first) throws IOException {
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        OutboundRequest call = first;
        for (int redirects = 0; ; redirects++) {
            Response response = send(call, deadline, redirects > 0);
            Optional<String> location = response.header("Location");
            if (!REDIRECTS.contains(response.status()) || location.isEmpty() || settings.maxRedirects() == 0) {
                return response;
            }
            if (redirects == settings.maxRedirects()) {
                throw new IOException("more than %d redirects from %s".formatted(settings.maxRedirects(), first.uri()));
            }
            call = call.redirectedTo(target(call.uri(), location.get()), response.status());
        }
    }

    private Response send(OutboundRequest call, long deadline, boolean redirected) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(call.uri(), null);
        }
        AtomicBoolean expired = new AtomicBoolean();
        try {
            destinations.policy().checkScheme(call.uri());
            HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
            call.headers().forEach(request::setHeader);
            if (call.body() != null) {
                ContentType type = call.contentType() == null ? null : ContentType.parse(call.contentType());
                request.setEntity(new ByteArrayEntity(call.body(), type));
            }
            // A read blocked on a silent server never gets to the deadline check in body(); cancelling closes its socket.
            ScheduledFuture<?> timer = deadlines.schedule(() -> {
                expired.set(true);
                request.cancel();
            }, remaining, TimeUnit.NANOSECONDS);
            try {
                return once(request, call.uri(), deadline);
            } finally {
                timer.cancel(false);
            }
        } catch (IOException e) {
            throw classified(e, call.uri(), redirected, expired.get());
        }
    }

    private Response once(HttpUriRequestBase request, URI uri, long deadline) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        try {
            byte[] body = body(response.getEntity(), uri, deadline);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header header : response.getHeaders()) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
            }
            response.close();
            return new Response(response.getCode(), headers, body);
        } catch (IOException | RuntimeException e) {
            // Closing a half-read body would first read the rest of it; cancelling drops the connection instead.
            request.cancel();
            try {
                response.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Reads at most {@code maxResponseBytes + 1} bytes, checking the deadline after each chunk. */
    private byte[] body(HttpEntity entity, URI uri, long deadline) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long max = settings.maxResponseBytes();
        if (entity.getContentLength() > max) {
            throw tooLarge(uri);
        }
        InputStream in = entity.getContent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - out.size()))) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw tooLarge(uri);
            }
            if (System.nanoTime() - deadline > 0) {
                throw timedOut(uri, null);
            }
        }
        return out.toByteArray();
    }

    private IOException classified(IOException e, URI uri, boolean redirected, boolean expired) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedDestinationException refused) {
                return redirected
                        ? new RefusedDestinationException("redirect to %s refused: %s".formatted(uri, refused.getMessage()))
                        : refused;
            }
        }
        return expired && !(e instanceof TotalTimeoutException) ? timedOut(uri, e) : e;
    }

    private TotalTimeoutException timedOut(URI uri, IOException cause) {
        return new TotalTimeoutException("no complete answer from %s within the total timeout of %s"
                .formatted(uri, settings.totalTimeout()), cause);
    }

    private ResponseTooLargeException tooLarge(URI uri) {
        return new ResponseTooLargeException("response from %s larger than the limit of %d bytes"
                .formatted(uri, settings.maxResponseBytes()), settings.maxResponseBytes());
    }

    /** The redirect target; a Location may be relative. */
    private static URI target(URI from, String location) throws IOException {
        try {
            URI base = from.getRawPath() == null || from.getRawPath().isEmpty() ? from.resolve("/") : from;
            return base.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("unusable redirect from %s to '%s'".formatted(from, location));
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        deadlines.shutdownNow();
    }
}
