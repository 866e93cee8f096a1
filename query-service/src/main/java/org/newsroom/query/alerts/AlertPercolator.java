package org.newsroom.query.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.newsroom.contracts.AlertMatched;
import org.newsroom.contracts.ArticleEnriched;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the saved searches a batch of articles matches: with the percolator, one percolate request per chunk
 * of articles; without it, each saved query is run over the batch's just-written articles (one multi-search,
 * after a refresh). A match's event id is derived from alert, article and version, so a re-delivered batch
 * re-announces the same match under the same id and consumers can drop the repeat.
 */
@Component
class AlertPercolator {

    static final int CHUNK = 100;
    private static final String SLOT = "_percolator_document_slot";

    private final ElasticsearchClient client;
    private final AlertIndex index;
    private final SavedSearches savedSearches;
    private final AlertProperties properties;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    AlertPercolator(ElasticsearchClient client, AlertIndex index, SavedSearches savedSearches,
                    AlertProperties properties, JsonMapper json) {
        this.client = client;
        this.index = index;
        this.savedSearches = savedSearches;
        this.properties = properties;
        this.json = json;
    }

    /** Each match paired with the saved search it came from. */
    record Match(Alert alert, AlertMatched event) {
    }

    List<Match> matches(List<ArticleEnriched> articles) throws IOException {
        List<Match> matches = new ArrayList<>();
        for (int from = 0; from < articles.size(); from += CHUNK) {
            List<ArticleEnriched> chunk = articles.subList(from, Math.min(articles.size(), from + CHUNK));
            matches.addAll(index.percolates() ? percolate(chunk) : searchWritten(chunk));
        }
        return matches;
    }

    private List<Match> percolate(List<ArticleEnriched> chunk) throws IOException {
        Set<String> fields = index.articleFields();
        List<JsonData> documents = chunk.stream().map(a -> document(a, fields)).toList();
        var hits = client.search(s -> s.index(index.alias()).size(properties.maxAlerts())
                .query(q -> q.percolate(p -> p.field("query").documents(documents)))
                .source(src -> src.filter(f -> f.includes("alert"))), SavedSearches.AlertSource.class).hits().hits();
        Instant now = clock.instant();
        List<Match> matches = new ArrayList<>();
        for (Hit<SavedSearches.AlertSource> hit : hits) {
            for (int slot : slots(hit)) {
                matches.add(matched(hit.source().alert(), chunk.get(slot), now));
            }
        }
        return matches;
    }

    /** Same analysis and query semantics as the percolator, at the cost of a refresh per batch. */
    private List<Match> searchWritten(List<ArticleEnriched> chunk) throws IOException {
        List<Alert> alerts = savedSearches.all();
        if (alerts.isEmpty()) {
            return List.of();
        }
        Map<String, ArticleEnriched> byId = chunk.stream()
                .collect(Collectors.toMap(ArticleEnriched::articleId, Function.identity(), (a, b) -> b));
        List<String> ids = List.copyOf(byId.keySet());
        client.indices().refresh(r -> r.index(index.articleAlias()));
        MsearchResponse<Void> response = client.msearch(m -> {
            for (Alert alert : alerts) {
                m.searches(s -> s.header(h -> h.index(index.articleAlias()))
                        .body(b -> b.size(ids.size()).source(src -> src.fetch(false))
                                .query(q -> q.bool(bool -> bool.must(AlertQueries.of(alert)).filter(f -> f.ids(i -> i.values(ids)))))));
            }
            return m;
        }, Void.class);
        Instant now = clock.instant();
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            MultiSearchResponseItem<Void> item = response.responses().get(i);
            if (item.isResult()) {
                Alert alert = alerts.get(i);
                item.result().hits().hits().forEach(hit -> matches.add(matched(alert, byId.get(hit.id()), now)));
            }
        }
        return matches;
    }

    /** The article as the index would store it: fields the mapping does not know are left out. */
    private JsonData document(ArticleEnriched article, Set<String> fields) {
        ObjectNode node = json.valueToTree(article);
        node.retain(fields);
        return JsonData.fromJson(json.writeValueAsString(node));
    }

    /** With several documents, each hit lists which of them (by position) the stored query matched. */
    private static List<Integer> slots(Hit<?> hit) {
        JsonData slots = hit.fields().get(SLOT);
        if (slots == null) {
            return List.of(0);
        }
        return slots.toJson().asJsonArray().stream().map(v -> ((JsonNumber) v).intValue()).toList();
    }

    private static Match matched(Alert alert, ArticleEnriched article, Instant now) {
        String identity = alert.id() + "/" + article.articleId() + "/" + article.version();
        return new Match(alert, new AlertMatched(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)), now,
                alert.id(), alert.name(), article.articleId(), article.headline()));
    }
}
