package org.newsroom.query.search;

/**
 * A search as the API accepts it, already validated.
 *
 * @param query the user's query in simple syntax (phrases, +, -, OR); blank means "everything, newest first"
 * @param from  offset of the first hit
 * @param size  number of hits
 */
public record SearchRequest(String query, int from, int size) {

    public boolean isBrowse() {
        return query == null || query.isBlank();
    }
}
