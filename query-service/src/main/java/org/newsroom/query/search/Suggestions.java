package org.newsroom.query.search;

import java.util.List;

/** Completions of what a user is typing: entity names, topic labels and headlines starting with it. */
public record Suggestions(String prefix, List<Suggestion> suggestions) {

    public Suggestions {
        suggestions = List.copyOf(suggestions);
    }

    /** @param kind where the text comes from: {@code entity}, {@code tag} or {@code headline} */
    public record Suggestion(String text, String kind) {
    }
}
