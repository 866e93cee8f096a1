package org.newsroom.bench;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Elasticsearch ceiling: the documents the pipeline indexed, read back and bulk-indexed again, 1,000 per
 * request from one client, into a fresh index with query-service's settings and mapping; timed to the last bulk
 * answer plus a refresh. Fewer documents than asked for are repeated under new ids.
 */
final class CeilingRun {

    /** {@code docsPerSecond}: what this machine's Elasticsearch takes with no pipeline in front of it. */
    record Result(String index, int documents, int distinctDocuments, double seconds, double docsPerSecond, int failed) {
    }

    static final String INDEX = "bench-ceiling";
    private static final int BULK = 1000;

    private final SearchIndex index;

    CeilingRun(SearchIndex index) {
        this.index = index;
    }

    Result run(int documents) {
        Progress.say("ceiling: reading back the indexed documents");
        List<ObjectNode> stored = index.documents(documents);
        if (stored.isEmpty()) {
            throw new IllegalStateException("no indexed documents to measure the ceiling with");
        }
        List<String> bulks = bulks(stored, documents);
        index.createLikeArticles(INDEX);
        Progress progress = new Progress("ceiling (ES bulk)");
        int failed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < bulks.size(); i++) {
            failed += index.bulk(INDEX, bulks.get(i));
            progress.update(Math.min(documents, (long) (i + 1) * BULK), documents, "docs", "");
        }
        index.refresh(INDEX);
        double seconds = (System.nanoTime() - start) / 1e9;
        Result result = new Result(INDEX, documents, stored.size(), seconds, documents / seconds, failed);
        progress.done("%,d documents in %.1f s: %.0f docs/s (%d failed)".formatted(documents, seconds,
                result.docsPerSecond(), failed));
        return result;
    }

    /** Built before the clock starts: the ceiling is Elasticsearch's, not this client's JSON writing. */
    private static List<String> bulks(List<ObjectNode> stored, int documents) {
        List<String> bulks = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < documents; i++) {
            ObjectNode document = stored.get(i % stored.size());
            if (i >= stored.size()) {
                document = document.deepCopy();
                document.put("articleId", document.path("articleId").asString() + "-" + i / stored.size());
            }
            String id = document.path("articleId").asString();
            body.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n").append(document).append('\n');
            if ((i + 1) % BULK == 0 || i == documents - 1) {
                bulks.add(body.toString());
                body.setLength(0);
            }
        }
        return bulks;
    }
}
