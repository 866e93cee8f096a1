package org.newsroom.query.alerts;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsroom.query.language.IndexedArticle;
import org.newsroom.query.language.QueryMatcher;
import org.newsroom.query.language.RequiredTerms;
import org.newsroom.query.language.RequiredTerms.Required;

/**
 * A set of saved searches compiled for matching new articles in memory: each one's
 * {@link org.newsroom.query.language.NewsQuery}, the model search and live streams use, so a saved search matches
 * exactly what the same search finds. Pre-filtered by required terms: each search is filed under the terms one
 * of which any article it matches must hold, so an article runs only the searches filed under its own terms
 * (plus those that need no particular term), and the cost per article grows with the searches that could
 * match it, not with all of them. Immutable; safe to share between threads.
 */
public final class SavedSearchMatcher {

    private final List<Alert> alerts;
    private final List<QueryMatcher> matchers;
    private final Map<String, BitSet> byTerm = new HashMap<>();
    private final Map<String, BitSet> byPrefix = new HashMap<>();
    private int longestPrefix;
    private final BitSet unfiltered = new BitSet();

    public SavedSearchMatcher(List<Alert> alerts) {
        this.alerts = List.copyOf(alerts);
        this.matchers = new ArrayList<>(alerts.size());
        for (int i = 0; i < this.alerts.size(); i++) {
            QueryMatcher matcher = this.alerts.get(i).toQuery().matcher();
            matchers.add(matcher);
            Optional<Set<Required>> required = matcher.required();
            if (required.isEmpty()) {
                unfiltered.set(i);
            } else {
                for (Required term : required.get()) {
                    (term.prefix() ? byPrefix : byTerm).computeIfAbsent(term.key(), t -> new BitSet()).set(i);
                    if (term.prefix()) {
                        longestPrefix = Math.max(longestPrefix, term.key().length());
                    }
                }
            }
        }
    }

    public int size() {
        return alerts.size();
    }

    /** The saved searches {@code article} matches, in the order they were given. */
    public List<Alert> matching(IndexedArticle article) {
        BitSet candidates = candidates(article);
        List<Alert> matching = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (matchers.get(i).matches(article)) {
                matching.add(alerts.get(i));
            }
        }
        return matching;
    }

    /** The searches worth running on {@code article}: those filed under its terms, and those needing none. */
    BitSet candidates(IndexedArticle article) {
        BitSet candidates = (BitSet) unfiltered.clone();
        for (String term : article.terms()) {
            orInto(candidates, byTerm.get(term));
            if (!byPrefix.isEmpty()) {
                // the key of each prefix of the term is a prefix of the term's key
                int end = Math.min(term.length(), longestPrefix);
                for (int length = term.indexOf(RequiredTerms.SEPARATOR) + 2; length <= end; length++) {
                    orInto(candidates, byPrefix.get(term.substring(0, length)));
                }
            }
        }
        return candidates;
    }

    private static void orInto(BitSet candidates, BitSet filed) {
        if (filed != null) {
            candidates.or(filed);
        }
    }
}
