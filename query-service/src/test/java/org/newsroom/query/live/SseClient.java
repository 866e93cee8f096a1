package org.newsroom.query.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal Server-Sent Events reader: collects named events as they arrive, until closed. */
final class SseClient implements AutoCloseable {

    record Event(String name, String id, String data) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> received = new ArrayList<>();
    private final Stream<String> lines;
    private final int status;

    SseClient(URI uri) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        this.status = response.statusCode();
        this.lines = response.body();
        Thread.ofPlatform().daemon().name("sse-client").start(this::read);
    }

    int status() {
        return status;
    }

    /** The next event named {@code name}, skipping others (kept in {@link #received()}). */
    Event await(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null) {
                received.add(event);
                if (event.name().equals(name)) {
                    return event;
                }
            }
        }
        throw new AssertionError("no '" + name + "' event within " + timeout + "; received " + received);
    }

    /** Every event taken so far by {@link #await}, in order. */
    List<Event> received() {
        return List.copyOf(received);
    }

    private void read() {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, data.toString()));
                    }
                    name = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by close(): stop reading
        }
    }

    @Override
    public void close() {
        lines.close();
        http.shutdownNow();
    }
}
