package org.newsroom.query.search;

import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.util.List;
import java.util.Map;
import org.newsroom.query.indexing.ArticleDocument;

/**
 * Turns Elasticsearch hits into {@link ArticleHit}s. In a collapsed group the article shown is the original
 * (the member whose id is the group's {@code dedup.canonicalId}) when it matched, so a republication never
 * stands in for its source; the other matching members are its republications.
 */
final class SearchHits {

    private SearchHits() {
    }

    static ArticleHit of(Hit<ArticleDocument> hit) {
        return hit(hit.id(), hit.source(), hit.highlight(), hit.score(), null, null);
    }

    /** A collapsed hit with its group; a missing group (e.g. deleted meanwhile) counts no republications. */
    static ArticleHit of(Hit<ArticleDocument> hit, DuplicateGroups.Group group) {
        ArticleDocument doc = hit.source();
        if (group == null) {
            return hit(hit.id(), doc, hit.highlight(), hit.score(), 0, List.of());
        }
        List<Hit<JsonData>> members = group.members();
        Hit<JsonData> original = members.stream().filter(m -> m.id().equals(doc.dedup().canonicalId())).findFirst()
                .orElse(null);
        String shownId = original == null ? hit.id() : original.id();
        ArticleDocument shown = original == null || original.id().equals(hit.id()) ? doc
                : original.source().to(ArticleDocument.class);
        List<ArticleHit.Republication> copies = members.stream().filter(m -> !m.id().equals(shownId))
                .map(m -> republication(m.id(), m.source().to(ArticleDocument.class))).toList();
        return hit(shownId, shown, hit.highlight(), hit.score(), (int) Math.max(0, group.matching() - 1), copies);
    }

    static ArticleHit hit(String id, ArticleDocument doc, Map<String, List<String>> highlight, Double score,
                          Integer republicationCount, List<ArticleHit.Republication> republications) {
        return new ArticleHit(id, doc.headline(), doc.publishedAt(), doc.source(), doc.dateline(), doc.url(),
                first(highlight, "paragraphs"), doc.dedup(), doc.storyId(), score, first(highlight, "headline"),
                doc.language(), doc.tags(), doc.entities(), republicationCount, republications, doc.extraction());
    }

    static ArticleHit.Republication republication(String id, ArticleDocument doc) {
        return new ArticleHit.Republication(id, doc.headline(), doc.publishedAt(), doc.source(), doc.dateline(),
                doc.url(), doc.dedup());
    }

    private static String first(Map<String, List<String>> highlight, String field) {
        List<String> fragments = highlight == null ? List.of() : highlight.getOrDefault(field, List.of());
        return fragments.isEmpty() ? null : fragments.getFirst();
    }
}
