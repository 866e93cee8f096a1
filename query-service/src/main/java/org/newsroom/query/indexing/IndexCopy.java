package org.newsroom.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.List;

/**
 * Copies every document of some indices into another, keeping the article's version as the document's
 * ({@code version_type=external}), in pages ordered by article id. Done by the client because {@code _reindex}
 * lives in a module the embedded node lacks; a document already in the target at the same or a higher version
 * (written there since the alias moved) is at least as new and stays.
 */
final class IndexCopy {

    private static final int PAGE = 1000;

    private IndexCopy() {
    }

    static long copy(ElasticsearchClient client, List<String> from, String to) throws IOException {
        // Searches see only refreshed documents: without this the last second of writes would be left behind.
        client.indices().refresh(r -> r.index(from));
        long copied = 0;
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> position = after;
            List<Hit<JsonData>> hits = client.search(s -> {
                s.index(from).size(PAGE).sort(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc)));
                return position.isEmpty() ? s : s.searchAfter(position);
            }, JsonData.class).hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            List<BulkOperation> copies = hits.stream().map(hit -> BulkOperation.of(b -> b.index(c -> c.index(to)
                    .id(hit.id()).document(hit.source()).version(versionOf(client, hit))
                    .versionType(VersionType.External)))).toList();
            BulkResponse response = client.bulk(b -> b.operations(copies));
            var failed = response.items().stream().filter(i -> i.error() != null && i.status() != 409).findFirst();
            if (failed.isPresent()) {
                throw new IOException("copying into " + to + " failed for " + failed.get().id() + ": "
                        + failed.get().error().reason());
            }
            copied += hits.size();
            after = hits.getLast().sort();
        }
        client.indices().refresh(r -> r.index(to));
        return copied;
    }

    /** The article's version, which the copy keeps as the document's so that stale versions stay refused. */
    private static long versionOf(ElasticsearchClient client, Hit<JsonData> hit) {
        return hit.source().toJson(client._jsonpMapper()).asJsonObject().getInt("version", 1);
    }
}
