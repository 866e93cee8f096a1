package org.newsroom.query.alerts;

import java.util.List;
import org.newsroom.query.language.IndexedArticle;
import org.newsroom.query.language.QueryMatcher;

/**
 * A set of saved searches compiled for matching new articles in memory: each one's
 * {@link org.newsroom.query.language.NewsQuery}, the model search and live streams use, so a saved search matches
 * exactly what the same search finds. Immutable; safe to share between threads.
 */
public final class SavedSearchMatcher {

    private record Compiled(Alert alert, QueryMatcher matcher) {
    }

    private final List<Compiled> searches;

    public SavedSearchMatcher(List<Alert> alerts) {
        this.searches = alerts.stream().map(a -> new Compiled(a, a.toQuery().matcher())).toList();
    }

    public int size() {
        return searches.size();
    }

    /** The saved searches {@code article} matches, in the order they were given. */
    public List<Alert> matching(IndexedArticle article) {
        return searches.stream().filter(s -> s.matcher().matches(article)).map(Compiled::alert).toList();
    }
}
