package org.newsroom.query.language;

import java.util.List;

/**
 * The text part of a parsed query: a tree both renderings walk ({@link ElasticsearchQuery} for search,
 * {@link LuceneQuery} for matching new articles), so they cannot disagree on what the user meant.
 */
public sealed interface Clause {

    /** No text condition: every article. */
    record Everything() implements Clause {
    }

    /**
     * A word or a quoted phrase: its terms, as each field's analyzer makes them, adjacent and in order in one of
     * the text fields. Never only stop words: those are dropped when parsing.
     */
    record Words(String text) implements Clause {
    }

    /** {@code sanct*}: an indexed term of a text field starts with {@code prefix} (lower case). */
    record Prefix(String prefix) implements Clause {
    }

    record Not(Clause clause) implements Clause {
    }

    record All(List<Clause> clauses) implements Clause {
    }

    record Any(List<Clause> clauses) implements Clause {
    }
}
