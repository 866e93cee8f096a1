package org.newsroom.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsroom.localstack.InboxFolders;
import org.newsroom.localstack.Ports;
import org.newsroom.localstack.ServiceEnvironment;
import org.newsroom.localstack.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services running as processes from their built jars, pointed at the given engines, with a feed
 * folder of their own: the system exactly as a user runs it.
 */
final class RunningPipeline implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The key POST /api/articles on this pipeline's ingest-service wants in X-Api-Key. */
    static final String API_KEY = "system-test-key-0123456789";
    /**
     * Kafka's session timeout for the services the system tests start: 10 s, not the default 45 s, so a group hands
     * a SIGKILLed instance's partitions over sooner (the crash tests waited out the default twice per kill). A
     * timeout only: what a crash must not change is checked the same way. Deployments keep Kafka's default
     * (docs/faults.md); the fault campaign runs with it.
     */
    static final Map<String, String> QUICK_FAILOVER = Map.of(
            "SPRING_KAFKA_STREAMS_PROPERTIES_SESSION_TIMEOUT_MS", "10000",
            "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "10000");

    /** {@code settings} for a service process, with {@link #QUICK_FAILOVER} under them; a mutable copy. */
    static Map<String, String> withQuickFailover(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(QUICK_FAILOVER);
        env.putAll(settings);
        return env;
    }

    private final Path home;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ServiceProcess query;
    private ServiceProcess enrich;
    private ServiceProcess ingest;

    private RunningPipeline(Path home) {
        this.home = home;
    }

    static RunningPipeline start(String kafkaBootstrapServers, String elasticsearchUrl, Path home) throws IOException {
        RunningPipeline pipeline = new RunningPipeline(home);
        try {
            pipeline.launch(kafkaBootstrapServers, elasticsearchUrl);
            return pipeline;
        } catch (IOException | RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void launch(String kafka, String elasticsearch) throws IOException {
        Path root = ProjectRoot.path();
        Map<String, String> env = withQuickFailover(new ServiceEnvironment(kafka, elasticsearch, inboxFolders(),
                home.resolve("enrich-state"), API_KEY).with(Map.of(
                // Corrections and kills are checked on tag topics too: route places and IPTC topics as well.
                "ENRICH_TAGGING_ROUTEDSCHEMES", "place,newsroom,iptc-mediatopic")));
        Path logs = home.resolve("logs");
        Path run = home.resolve("run");
        query = ServiceProcess.launch(root, "query-service", Ports.free(), env, home, logs, run, "384m");
        services.add(query);
        enrich = ServiceProcess.launch(root, "enrich-service", Ports.free(), env, home, logs, run, "384m");
        services.add(enrich);
        ingest = ServiceProcess.launch(root, "ingest-service", Ports.free(), env, home, logs, run, "384m");
        services.add(ingest);
        services.forEach(ServiceProcess::awaitUp);
    }

    /** An empty folder under target/ for one test class: kept after the run, so its logs can be read. */
    static Path freshHome(String name) throws IOException {
        Path home = Path.of("target", name).toAbsolutePath();
        if (Files.exists(home)) {
            try (var walk = Files.walk(home)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(home);
    }

    InboxFolders inboxFolders() {
        return InboxFolders.under(home);
    }

    /** Drops a file the way users and tools should: written aside, then renamed into the inbox. */
    void drop(Path file) throws IOException {
        drop(file.getFileName().toString(), Files.readAllBytes(file));
    }

    void drop(String name, byte[] content) throws IOException {
        Path inbox = Files.createDirectories(inboxFolders().inbox());
        Path partial = inbox.resolve(name + ".part");
        Files.write(partial, content);
        Files.move(partial, inbox.resolve(name));
    }

    /** {@code GET /api/search?q=} on the query service, as parsed JSON. */
    JsonNode search(String query) {
        HttpResponse<String> response = get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code GET /api/articles/{id}}: the indexed article, or empty when the index has no such article (404). */
    Optional<JsonNode> article(String articleId) {
        HttpResponse<String> response = get("/api/articles/" + articleId);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("article lookup answered " + response.statusCode() + ": " + response.body());
        }
        return Optional.of(JSON.readTree(response.body()));
    }

    private HttpResponse<String> get(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(query().url() + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ServiceProcess query() {
        return query;
    }

    ServiceProcess enrich() {
        return enrich;
    }

    ServiceProcess ingest() {
        return ingest;
    }

    /** The console output of one service ({@code ingest-service}, ...), as its process wrote it so far. */
    String log(String module) throws IOException {
        return Files.readString(home.resolve("logs").resolve(module + ".log"));
    }

    @Override
    public void close() {
        services.reversed().forEach(ServiceProcess::close);
    }
}
