package org.newsroom.query.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.newsroom.query.language.ElasticsearchQuery;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saved searches stored in their index, one document per alert: {@code alert} holds what the user asked for,
 * {@code query} its Elasticsearch rendering (a percolator field where the node has the module, so the stored
 * queries can be percolated there too; matching new articles is done in memory, see {@link AlertPercolator}). Writes wait for a refresh, so an alert created by a request
 * matches the very next article indexed.
 */
@Component
class SavedSearches {

    private static final long RECOUNT_NANOS = 5_000_000_000L;

    private final ElasticsearchClient client;
    private final AlertIndex index;
    private final AlertProperties properties;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean anySaved;
    private volatile long recountAt = System.nanoTime();

    SavedSearches(ElasticsearchClient client, AlertIndex index, AlertProperties properties, JsonMapper json) {
        this.client = client;
        this.index = index;
        this.properties = properties;
        this.json = json;
    }

    Alert create(AlertRequest request, String owner) throws IOException {
        Alert alert = request.toAlert(UUID.randomUUID().toString(), clock.instant(), owner);
        index.ensureExists();
        long saved = client.count(c -> c.index(index.alias())).count();
        if (saved >= properties.maxAlerts()) {
            throw new TooManyAlertsException(properties.maxAlerts());
        }
        ObjectNode document = json.createObjectNode();
        document.set("alert", json.valueToTree(alert));
        document.set("query", json.readTree(JsonpUtils.toJsonString(ElasticsearchQuery.of(alert.toQuery()), client._jsonpMapper())));
        BinaryData body = BinaryData.of(json.writeValueAsBytes(document), ContentType.APPLICATION_JSON);
        client.index(i -> i.index(index.alias()).id(alert.id()).document(body).opType(OpType.Create)
                .refresh(Refresh.WaitFor));
        anySaved = true;
        return alert;
    }

    List<Alert> all() throws IOException {
        index.ensureExists();
        return client.search(s -> s.index(index.alias()).size(properties.maxAlerts())
                        .source(src -> src.filter(f -> f.includes("alert")))
                        .sort(o -> o.field(f -> f.field("alert.createdAt").order(SortOrder.Desc))), AlertSource.class)
                .hits().hits().stream().map(h -> h.source().alert()).toList();
    }

    Optional<Alert> find(String id) throws IOException {
        index.ensureExists();
        var response = client.get(g -> g.index(index.alias()).id(id).sourceIncludes("alert"), AlertSource.class);
        return response.found() ? Optional.of(response.source().alert()) : Optional.empty();
    }

    boolean delete(String id) throws IOException {
        index.ensureExists();
        boolean deleted = client.delete(d -> d.index(index.alias()).id(id).refresh(Refresh.WaitFor)).result() == Result.Deleted;
        anySaved = false;
        recountAt = System.nanoTime();
        return deleted;
    }

    /**
     * Whether any search is saved, so indexing can skip percolation while none is. Counted at most every few
     * seconds; a search saved through another instance is noticed within that time.
     */
    boolean anySaved() throws IOException {
        long now = System.nanoTime();
        if (!anySaved && now - recountAt >= 0) {
            // never creates the index: that is left to the first request that saves a search
            anySaved = index.exists() && client.count(c -> c.index(index.alias())).count() > 0;
            recountAt = now + RECOUNT_NANOS;
        }
        return anySaved;
    }

    record AlertSource(Alert alert) {
    }
}
