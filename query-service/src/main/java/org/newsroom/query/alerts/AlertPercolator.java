package org.newsroom.query.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.newsroom.contracts.AlertMatched;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.language.IndexedArticle;
import org.springframework.stereotype.Component;

/**
 * Finds the saved searches a batch of new articles matches, in memory: each article is indexed once in a Lucene
 * memory index with the article index's fields and analysis, and tested against each saved search's compiled
 * {@link org.newsroom.query.language.NewsQuery} (what Elasticsearch's percolator does inside, and the matcher live
 * streams use), so a saved search matches exactly what the same search finds. No refresh and no request per batch
 * beyond reading the saved searches. A match's event id is derived from alert, article and version, so a
 * re-delivered batch re-announces the same match under the same id and consumers can drop the repeat.
 */
@Component
class AlertPercolator {

    private final SavedSearches savedSearches;
    private final Clock clock = Clock.systemUTC();
    /** Compiled for the saved searches of the last batch; recompiled when one comes or goes (they never change). */
    private volatile Compiled compiled = new Compiled(Set.of(), new SavedSearchMatcher(List.of()));

    private record Compiled(Set<String> ids, SavedSearchMatcher matcher) {
    }

    AlertPercolator(SavedSearches savedSearches) {
        this.savedSearches = savedSearches;
    }

    /** Each match paired with the saved search it came from. */
    record Match(Alert alert, AlertMatched event) {
    }

    List<Match> matches(List<ArticleEnriched> articles) throws IOException {
        List<Alert> alerts = savedSearches.all();
        Set<String> ids = alerts.stream().map(Alert::id).collect(Collectors.toSet());
        Compiled current = compiled;
        if (!current.ids().equals(ids)) {
            current = new Compiled(ids, new SavedSearchMatcher(alerts));
            compiled = current;
        }
        Instant now = clock.instant();
        List<Match> matches = new ArrayList<>();
        for (ArticleEnriched article : articles) {
            for (Alert alert : current.matcher().matching(IndexedArticle.of(article))) {
                matches.add(matched(alert, article, now));
            }
        }
        return matches;
    }

    private static Match matched(Alert alert, ArticleEnriched article, Instant now) {
        String identity = alert.id() + "/" + article.articleId() + "/" + article.version();
        return new Match(alert, new AlertMatched(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)), now,
                alert.id(), alert.name(), article.articleId(), article.headline()));
    }
}
