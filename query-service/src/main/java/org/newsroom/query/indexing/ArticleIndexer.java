package org.newsroom.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.newsroom.contracts.ArticleEnriched;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes articles to the index in one bulk request, idempotently: the article id is the document id and the
 * article's version the document's (external_gte), so a redelivered article or a newer version overwrites its
 * document and an older version does not. Each item's outcome is classified rather than the whole request
 * judged by its first error.
 */
@Component
public class ArticleIndexer {

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    public ArticleIndexer(ElasticsearchClient client, ArticleIndex index, JsonMapper json) {
        this.client = client;
        this.index = index;
        this.json = json;
    }

    /** Indexes the articles and removes the ids in {@code deletions}; I/O failures propagate (retry). */
    public BulkOutcome write(List<ArticleEnriched> articles, List<String> deletions) throws IOException {
        if (articles.isEmpty() && deletions.isEmpty()) {
            return BulkOutcome.EMPTY;
        }
        index.ensureExists();
        return writeTo(index.alias(), articles, deletions);
    }

    /** As {@link #write}, into {@code target} (an index or alias) rather than the alias: a reprocess fills a new index. */
    public BulkOutcome writeTo(String target, List<ArticleEnriched> articles, List<String> deletions) throws IOException {
        if (articles.isEmpty() && deletions.isEmpty()) {
            return BulkOutcome.EMPTY;
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (ArticleEnriched article : articles) {
            BinaryData document = BinaryData.of(json.writeValueAsBytes(ArticleDocument.of(article, clock.instant())),
                    ContentType.APPLICATION_JSON);
            // The agency's version is the document's: a stale version arriving late conflicts (409) instead of
            // overwriting a newer one, and the same version again (a redelivery, a re-emitted dedup decision) writes.
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(target).id(article.articleId())
                    .version((long) article.version()).versionType(VersionType.ExternalGte).document(document))));
        }
        for (String articleId : deletions) {
            operations.add(BulkOperation.of(b -> b.delete(d -> d.index(target).id(articleId))));
        }
        BulkResponse response = client.bulk(b -> b.operations(operations));
        return classify(response.items());
    }

    static BulkOutcome classify(List<BulkResponseItem> items) {
        List<BulkOutcome.Failure> retryable = new ArrayList<>();
        List<BulkOutcome.Failure> rejected = new ArrayList<>();
        int written = 0;
        List<String> conflicts = new ArrayList<>();
        for (BulkResponseItem item : items) {
            int status = item.status();
            if (item.error() == null || (status == 404 && item.operationType().jsonValue().equals("delete"))) {
                written++;
            } else if (status == 409) {
                conflicts.add(item.id());
            } else {
                var failure = new BulkOutcome.Failure(item.id(), status, item.error().type() + ": " + item.error().reason());
                (status == 429 || status >= 500 ? retryable : rejected).add(failure);
            }
        }
        return new BulkOutcome(written, conflicts, retryable, rejected);
    }
}
