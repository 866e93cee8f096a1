package org.newsroom.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real exchanges with JDK HTTP servers on 127.0.0.1 and 127.0.0.2 (both loopback, so refused unless allowed); host
 * names come from a fixed table standing in for DNS.
 */
class GuardedHttpTests {

    private static final Duration TOTAL = Duration.ofSeconds(1);

    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<InetAddress>> dnsTable = new ConcurrentHashMap<>();
    private HttpServer server;
    private HttpServer internal;
    private int port;
    private GuardedHttp http;

    @BeforeEach
    void startServers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/feed", exchange -> answer(exchange, 200, "the feed"));
        server.createContext("/echo", exchange -> answer(exchange, 200, exchange.getRequestHeaders().getFirst("Content-Type")
                + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        server.createContext("/moved", exchange -> redirect(exchange, "/feed"));
        server.createContext("/to-loopback", exchange -> redirect(exchange, "http://127.0.0.1:" + port + "/feed"));
        server.createContext("/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/big", exchange -> answer(exchange, 200, "x".repeat(2_000)));
        server.createContext("/endless", exchange -> stream(exchange, 8192, Duration.ZERO));
        server.createContext("/trickle", exchange -> stream(exchange, 1, Duration.ofMillis(100)));
        server.createContext("/silent", exchange -> stream(exchange, 1, Duration.ofSeconds(30)));
        server.setExecutor(handlers);
        server.start();
        // The same port on another loopback address: reachable only if a refused address is connected to.
        internal = HttpServer.create(new InetSocketAddress("127.0.0.2", port), 0);
        internal.createContext("/", exchange -> answer(exchange, 200, "internal"));
        internal.setExecutor(handlers);
        internal.start();
    }

    @AfterEach
    void stopServers() {
        if (http != null) {
            http.close();
        }
        server.stop(0);
        internal.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void refusesLoopbackByDefaultWithoutConnecting() {
        http = guarded(List.of());

        assertThatThrownBy(() -> http.get(local("/feed"), Map.of()))
                .isInstanceOf(RefusedDestinationException.class)
                .hasMessage("address 127.0.0.1 is internal (loopback)");
        assertThat(requests).isEmpty();
    }

    @Test
    void refusesMetadataPrivateIpv6LoopbackAndMappedAddressesByDefault() {
        http = guarded(List.of());

        for (String uri : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1:8080/",
                "http://100.100.100.200/", "http://[fd00:ec2::254]/", "http://[::1]:" + port + "/feed",
                "http://[::ffff:127.0.0.1]:" + port + "/feed", "http://0.0.0.0:" + port + "/feed",
                "http://2130706433:" + port + "/feed")) {
            assertThatThrownBy(() -> http.get(URI.create(uri), Map.of())).as(uri).isInstanceOf(RefusedDestinationException.class);
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void anAllowListedRangeIsReached() throws IOException {
        http = guarded(List.of("127.0.0.1/32"));

        GuardedHttp.Response response = http.get(local("/feed"), Map.of("Accept", "text/plain"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).hasValue("text/plain");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("the feed");
    }

    @Test
    void postsTheBodyWithItsContentType() throws IOException {
        http = guarded(List.of("127.0.0.1/32"));

        GuardedHttp.Response response = http.post(local("/echo"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of());

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("application/json {\"a\":1}");
    }

    @Test
    void refusesEverySchemeButHttpAndHttps() {
        http = guarded(List.of("127.0.0.1/32"));

        assertThatThrownBy(() -> http.get(URI.create("ftp://127.0.0.1:" + port + "/feed"), Map.of()))
                .isInstanceOf(RefusedDestinationException.class).hasMessageContaining("scheme 'ftp' is not allowed");
        assertThatThrownBy(() -> http.get(URI.create("file:///etc/passwd"), Map.of()))
                .isInstanceOf(RefusedDestinationException.class);
    }

    @Test
    void followsARedirectWithinTheAllowList() throws IOException {
        http = guarded(List.of("127.0.0.1/32"));

        GuardedHttp.Response response = http.get(local("/moved"), Map.of());

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("the feed");
        assertThat(requests).containsExactly("127.0.0.1 /moved", "127.0.0.1 /feed");
    }

    @Test
    void refusesARedirectFromAnAllowedHostToARefusedAddress() {
        dnsTable.put("feeds.test", List.of(loopback(1)));
        http = guarded(List.of("feeds.test"));

        assertThatThrownBy(() -> http.get(URI.create("http://feeds.test:" + port + "/to-loopback"), Map.of()))
                .isInstanceOf(RefusedDestinationException.class)
                .hasMessage("redirect to http://127.0.0.1:%d/feed refused: address 127.0.0.1 is internal (loopback)", port);
        assertThatThrownBy(() -> http.get(URI.create("http://feeds.test:" + port + "/to-metadata"), Map.of()))
                .isInstanceOf(RefusedDestinationException.class).hasMessageContaining("169.254.169.254 is internal (link-local)");
        assertThatThrownBy(() -> http.get(URI.create("http://feeds.test:" + port + "/to-file"), Map.of()))
                .isInstanceOf(RefusedDestinationException.class).hasMessageContaining("scheme 'file' is not allowed");
        assertThat(requests).containsExactly("127.0.0.1 /to-loopback", "127.0.0.1 /to-metadata", "127.0.0.1 /to-file");
    }

    @Test
    void givesUpAfterTheMostRedirectsAllowed() {
        http = guarded(List.of("127.0.0.1/32"));

        assertThatThrownBy(() -> http.get(local("/loop"), Map.of())).hasMessage("more than 3 redirects from " + local("/loop"));
        assertThat(requests).hasSize(4);
    }

    @Test
    void aBodyLargerThanTheLimitFails() {
        http = guarded(List.of("127.0.0.1/32"));

        assertThatThrownBy(() -> http.get(local("/big"), Map.of())).isInstanceOf(ResponseTooLargeException.class)
                .hasMessage("response from %s larger than the limit of 1000 bytes", local("/big"));
    }

    @Test
    void stopsReadingAnEndlessBodyAtTheLimitRatherThanDrainingIt() {
        http = new GuardedHttp(new OutboundSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20), 1000,
                3, List.of("127.0.0.1/32")));
        long start = System.nanoTime();

        assertThatThrownBy(() -> http.get(local("/endless"), Map.of())).isInstanceOf(ResponseTooLargeException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServerTricklingBytesIsCutOffAtTheTotalTimeout() {
        http = guarded(List.of("127.0.0.1/32"));
        long start = System.nanoTime();

        assertThatThrownBy(() -> http.get(local("/trickle"), Map.of())).isInstanceOf(TotalTimeoutException.class)
                .hasMessage("no complete answer from %s within the total timeout of PT1S", local("/trickle"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TOTAL.plusSeconds(2));
    }

    @Test
    void aServerGoneSilentMidBodyIsCutOffAtTheTotalTimeoutThoughTheReadTimeoutIsLonger() {
        http = guarded(List.of("127.0.0.1/32"));
        long start = System.nanoTime();

        assertThatThrownBy(() -> http.get(local("/silent"), Map.of())).isInstanceOf(TotalTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TOTAL.plusSeconds(2));
    }

    @Test
    void aNameResolvingToInternalAndAllowedAddressesConnectsOnlyToTheAllowedOnes() throws IOException {
        dnsTable.put("mixed.test", List.of(loopback(2), loopback(1)));
        http = guarded(List.of("127.0.0.1/32"));

        GuardedHttp.Response response = http.get(URI.create("http://mixed.test:" + port + "/feed"), Map.of());

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("the feed");
        assertThat(requests).containsExactly("127.0.0.1 /feed");
    }

    @Test
    void aNameResolvingOnlyToRefusedAddressesIsRefused() {
        dnsTable.put("intranet.test", List.of(loopback(2), address("10.0.0.7")));
        http = guarded(List.of("127.0.0.1/32"));

        assertThatThrownBy(() -> http.get(URI.create("http://intranet.test:" + port + "/"), Map.of()))
                .isInstanceOf(RefusedDestinationException.class)
                .hasMessage("host intranet.test resolves only to refused addresses: 127.0.0.2 is internal (loopback), "
                        + "10.0.0.7 is internal (private)");
        assertThat(requests).isEmpty();
    }

    @Test
    void aNameThatRebindsToAnInternalAddressAfterTheCheckIsRefusedWhenConnecting() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        DnsResolver rebinding = new Table() {
            @Override
            public InetAddress[] resolve(String host) {
                return new InetAddress[] {lookups.getAndIncrement() == 0 ? loopback(1) : loopback(2)};
            }
        };
        http = new GuardedHttp(settings(List.of("127.0.0.1/32")),
                new Destinations(OutboundPolicy.allowing(List.of("127.0.0.1/32")), rebinding));
        URI uri = URI.create("http://rebind.test:" + port + "/feed");

        assertThat(http.destinations().check(uri)).containsExactly(loopback(1));
        assertThatThrownBy(() -> http.get(uri, Map.of())).isInstanceOf(RefusedDestinationException.class)
                .hasMessage("host rebind.test resolves only to refused addresses: 127.0.0.2 is internal (loopback)");
        assertThat(requests).isEmpty();
    }

    @Test
    void aNameServerThatNeverAnswersMakesTheHostUnknownInsteadOfHoldingTheCaller() {
        CountDownLatch never = new CountDownLatch(1);
        DnsResolver silent = new Table() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new UnknownHostException(host);
            }
        };
        Destinations destinations = new Destinations(OutboundPolicy.allowing(List.of()), silent, Duration.ofMillis(200));

        assertThatThrownBy(() -> destinations.check(URI.create("http://silent.test/feed")))
                .isInstanceOf(UnknownHostException.class).hasMessage("no DNS answer for silent.test within PT0.2S");
    }

    private GuardedHttp guarded(List<String> allow) {
        return new GuardedHttp(settings(allow), new Destinations(OutboundPolicy.allowing(allow), new Table()));
    }

    private static OutboundSettings settings(List<String> allow) {
        return new OutboundSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), TOTAL, 1000, 3, allow);
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        requests.add(exchange.getLocalAddress().getAddress().getHostAddress() + " " + exchange.getRequestURI().getPath());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void redirect(HttpExchange exchange, String location) throws IOException {
        requests.add(exchange.getLocalAddress().getAddress().getHostAddress() + " " + exchange.getRequestURI().getPath());
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** Chunks of the given size until the client goes away, a pause between each. */
    private void stream(HttpExchange exchange, int chunk, Duration pause) throws IOException {
        requests.add(exchange.getLocalAddress().getAddress().getHostAddress() + " " + exchange.getRequestURI().getPath());
        exchange.sendResponseHeaders(200, 0);
        byte[] bytes = new byte[chunk];
        Arrays.fill(bytes, (byte) 'x');
        try (OutputStream body = exchange.getResponseBody()) {
            for (int i = 0; i < 1_000_000; i++) {
                body.write(bytes);
                body.flush();
                Thread.sleep(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress loopback(int last) {
        return address("127.0.0." + last);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The fixed names of {@code dnsTable}; IP literals as the system resolver reads them; any other name unknown. */
    private class Table implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            List<InetAddress> fixed = dnsTable.get(host);
            if (fixed != null) {
                return fixed.toArray(InetAddress[]::new);
            }
            if (AddressRange.isLiteral(host) || host.startsWith("[")) {
                return SystemDefaultDnsResolver.INSTANCE.resolve(host);
            }
            throw new UnknownHostException(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
