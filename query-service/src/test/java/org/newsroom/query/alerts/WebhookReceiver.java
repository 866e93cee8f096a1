package org.newsroom.query.alerts;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint on a free local port that records every body (and its headers) POSTed to {@code /hook}. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Headers> headers = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        server.createContext("/hook", exchange -> {
            headers.add(exchange.getRequestHeaders());
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.2:" + server.getAddress().getPort() + "/hook");
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** The request headers of each POST, in order (names are case-insensitive). */
    List<Headers> headers() {
        return List.copyOf(headers);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
