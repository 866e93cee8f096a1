package org.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the benchmark asks Elasticsearch, over its REST API: counts, which markers are searchable, bulk writes. */
final class SearchIndex {

    /** The alias query-service searches, and its index template's name. */
    static final String ALIAS = "articles";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    SearchIndex(String url) {
        this.url = url;
    }

    /** Sets the refresh interval of the indices behind the alias (a dynamic setting). */
    void refreshInterval(String interval) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("index").put("refresh_interval", interval);
        HttpResponse<String> response = send("PUT", "/" + ALIAS + "/_settings", body.toString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("refresh interval not set: " + response.statusCode() + " " + response.body());
        }
    }

    /** Searchable documents in {@code index}; 0 while it does not exist yet. */
    long count(String index) {
        HttpResponse<String> response = send("GET", "/" + index + "/_count", null);
        return response.statusCode() == 404 ? 0 : tree(response).path("count").asLong();
    }

    /** Of the given guids, those searchable now, each with the time query-service indexed it. */
    Map<String, Instant> searchable(Collection<String> guids) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", guids.size());
        body.putArray("_source").add("guid").add("indexedAt");
        var terms = body.putObject("query").putObject("terms").putArray("guid");
        guids.forEach(terms::add);
        HttpResponse<String> response = send("POST", "/" + ALIAS + "/_search", body.toString());
        Map<String, Instant> found = new HashMap<>();
        if (response.statusCode() == 404) {
            return found;
        }
        for (JsonNode hit : tree(response).path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            String indexedAt = source.path("indexedAt").asString(null);
            found.put(source.path("guid").asString(), indexedAt == null ? null : Instant.parse(indexedAt));
        }
        return found;
    }

    /** Up to {@code max} documents of the alias, as stored, paged in id order. */
    List<ObjectNode> documents(int max) {
        List<ObjectNode> documents = new ArrayList<>();
        String after = null;
        while (documents.size() < max) {
            ObjectNode body = JSON.createObjectNode();
            body.put("size", Math.min(1000, max - documents.size()));
            body.putArray("sort").add("articleId");
            if (after != null) {
                body.putArray("search_after").add(after);
            }
            JsonNode hits = tree(send("POST", "/" + ALIAS + "/_search", body.toString())).path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            for (JsonNode hit : hits) {
                documents.add((ObjectNode) hit.path("_source"));
                after = hit.path("sort").get(0).asString();
            }
        }
        return documents;
    }

    /** Creates {@code index} with the settings and mappings of query-service's installed template. */
    void createLikeArticles(String index) {
        JsonNode template = tree(send("GET", "/_index_template/" + ALIAS, null))
                .path("index_templates").get(0).path("index_template").path("template");
        ObjectNode body = JSON.createObjectNode();
        body.set("settings", template.path("settings"));
        body.set("mappings", template.path("mappings"));
        send("DELETE", "/" + index, null);
        HttpResponse<String> response = send("PUT", "/" + index, body.toString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("creating " + index + " failed: " + response.body());
        }
    }

    /** One bulk request; returns how many of its items failed. */
    int bulk(String index, String ndjson) {
        HttpResponse<String> response = send("POST", "/" + index + "/_bulk", ndjson);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("bulk into " + index + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode tree = tree(response);
        if (!tree.path("errors").asBoolean()) {
            return 0;
        }
        int failed = 0;
        for (JsonNode item : tree.path("items")) {
            failed += item.path("index").path("status").asInt() >= 300 ? 1 : 0;
        }
        return failed;
    }

    void refresh(String index) {
        send("POST", "/" + index + "/_refresh", null);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", path.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    private static JsonNode tree(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
