package org.newsroom.query.live;

import java.util.stream.Stream;
import org.newsroom.contracts.ArticleEnriched;

/**
 * What a live stream subscribes to: a simple-syntax query over headline, body and byline, and optional exact
 * filters; a missing filter lets everything through. Tags match by id or label, the rest ignoring case.
 */
public record LiveFilter(String query, String tag, String source, String agency, String language) {

    static final int MAX_QUERY_LENGTH = 1000;
    static final int MAX_FILTER_LENGTH = 200;

    public LiveFilter {
        query = blankToNull(query);
        tag = blankToNull(tag);
        source = blankToNull(source);
        agency = blankToNull(agency);
        language = blankToNull(language);
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("q is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        if (Stream.of(tag, source, agency, language).anyMatch(f -> f != null && f.length() > MAX_FILTER_LENGTH)) {
            throw new IllegalArgumentException("filters are at most " + MAX_FILTER_LENGTH + " characters");
        }
    }

    /** A compiled form of this filter, to test many articles against. */
    public Matcher matcher() {
        return new Matcher(this, SimpleQuery.parse(query));
    }

    /** Tests articles against one filter; the query is parsed once. */
    public record Matcher(LiveFilter filter, SimpleQuery query) {

        public boolean matches(ArticleEnriched article) {
            return (filter.tag == null || article.tags().stream()
                            .anyMatch(t -> t.id().equalsIgnoreCase(filter.tag) || filter.tag.equalsIgnoreCase(t.label())))
                    && (filter.source == null || filter.source.equalsIgnoreCase(article.source().name()))
                    && (filter.agency == null || article.dateline() != null && filter.agency.equalsIgnoreCase(article.dateline().agency()))
                    && (filter.language == null || filter.language.equalsIgnoreCase(article.language()))
                    && (filter.query == null || query.matches(searchableText(article)));
        }

        private static String searchableText(ArticleEnriched article) {
            return article.headline() + "\n" + article.body() + (article.byline() == null ? "" : "\n" + article.byline());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
