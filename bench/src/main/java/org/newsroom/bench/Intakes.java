package org.newsroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.newsroom.bench.CorpusArticles.BenchArticle;

/** The two ways in the benchmark drives: files in the watched folder, and {@code POST /api/articles}. */
final class Intakes {

    private Intakes() {
    }

    /** Sends one batch of articles through one intake, returning once the intake has taken it. */
    interface Intake {

        String name();

        void send(List<BenchArticle> batch) throws IOException;
    }

    /**
     * The watched folder: one article alone as a JSON file, more as one JSON Lines feed file. Each file is written
     * under a partial name and renamed, as a careful producer does, so the watcher never sees half a file.
     */
    static final class Folder implements Intake {

        private final Path inbox;
        private final AtomicLong files = new AtomicLong();

        Folder(Path inbox) {
            this.inbox = inbox;
        }

        @Override
        public String name() {
            return "folder";
        }

        @Override
        public void send(List<BenchArticle> batch) throws IOException {
            boolean single = batch.size() == 1;
            String name = "bench-%07d-%d.%s".formatted(files.incrementAndGet(), batch.getFirst().n(), single ? "json" : "jsonl");
            String content = batch.stream().map(BenchArticle::line).collect(Collectors.joining("\n", "", "\n"));
            Path partial = inbox.resolve(name + ".part");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** {@code POST /api/articles} with the API key: one object for one article, an array for a batch. */
    static final class Http implements Intake {

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI endpoint;
        private final String apiKey;

        Http(String ingestUrl, String apiKey) {
            this.endpoint = URI.create(ingestUrl + "/api/articles");
            this.apiKey = apiKey;
        }

        @Override
        public String name() {
            return "http";
        }

        @Override
        public void send(List<BenchArticle> batch) throws IOException {
            String body = batch.size() == 1 ? batch.getFirst().line()
                    : batch.stream().map(BenchArticle::line).collect(Collectors.joining(",", "[", "]"));
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-Api-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 404) {
                    throw new IOException("this ingest-service build has no POST /api/articles: rebuild it (./newsroom build)");
                }
                if (response.statusCode() != 202) {
                    throw new IOException("POST /api/articles answered " + response.statusCode() + ": " + response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while posting", e);
            }
        }
    }
}
