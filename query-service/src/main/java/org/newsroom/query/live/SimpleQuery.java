package org.newsroom.query.live;

import java.util.ArrayList;
import java.util.List;

/**
 * A query in the search API's simple syntax, parsed for matching in memory: terms (all required), quoted
 * phrases, {@code -term} to exclude, {@code |} or {@code OR} between alternatives, {@code term*} prefixes and
 * parentheses. Never fails on syntax: stray operators are ignored, like Elasticsearch's simple_query_string.
 */
public final class SimpleQuery {

    private final Clause root;

    private SimpleQuery(Clause root) {
        this.root = root;
    }

    /** Parses {@code query}; blank matches everything. */
    public static SimpleQuery parse(String query) {
        return new SimpleQuery(new Parser(Tokens.lex(query == null ? "" : query)).parse());
    }

    /**
     * {@code query} in Elasticsearch's simple_query_string syntax: the word operators replaced by symbols and
     * fuzziness dropped, so a stored query means what the same text means here and in the search API.
     */
    public static String toElasticsearchSyntax(String query) {
        StringBuilder out = new StringBuilder();
        for (String lexeme : Tokens.lex(query == null ? "" : query)) {
            boolean prefixOperator = lexeme.equals("-") || lexeme.equals("+") || lexeme.equals("(");
            out.append(lexeme.startsWith("\"") ? lexeme + "\"" : lexeme).append(prefixOperator ? "" : " ");
        }
        return out.toString().strip();
    }

    public boolean matches(String text) {
        return root.matches(Tokens.of(text));
    }

    sealed interface Clause {
        boolean matches(Tokens text);
    }

    record Term(String stem, boolean prefix) implements Clause {
        public boolean matches(Tokens text) {
            return prefix ? text.hasPrefix(stem) : text.has(stem);
        }
    }

    record Phrase(List<String> stems) implements Clause {
        public boolean matches(Tokens text) {
            return text.hasSequence(stems);
        }
    }

    record Not(Clause clause) implements Clause {
        public boolean matches(Tokens text) {
            return !clause.matches(text);
        }
    }

    record All(List<Clause> clauses) implements Clause {
        public boolean matches(Tokens text) {
            return clauses.stream().allMatch(c -> c.matches(text));
        }
    }

    record Any(List<Clause> clauses) implements Clause {
        public boolean matches(Tokens text) {
            return clauses.isEmpty() || clauses.stream().anyMatch(c -> c.matches(text));
        }
    }

    /** Recursive descent: alternatives bind looser than the implicit AND between terms. */
    private static final class Parser {

        private final List<String> lexemes;
        private int position;

        Parser(List<String> lexemes) {
            this.lexemes = lexemes;
        }

        Clause parse() {
            Clause clause = alternatives();
            while (position < lexemes.size()) {
                position++; // an unmatched ")" : skip it and keep what follows, as simple_query_string does
                clause = new All(List.of(clause, alternatives()));
            }
            return clause;
        }

        private Clause alternatives() {
            List<Clause> any = new ArrayList<>();
            any.add(conjunction());
            while (peekIs("|")) {
                position++;
                any.add(conjunction());
            }
            return any.size() == 1 ? any.getFirst() : new Any(any);
        }

        private Clause conjunction() {
            List<Clause> all = new ArrayList<>();
            while (position < lexemes.size() && !peekIs("|") && !peekIs(")")) {
                Clause unary = unary();
                if (unary != null) {
                    all.add(unary);
                }
            }
            return all.size() == 1 ? all.getFirst() : new All(all);
        }

        private Clause unary() {
            String lexeme = lexemes.get(position++);
            return switch (lexeme) {
                case "+" -> null;
                case "-" -> position < lexemes.size() && !peekIs("|") && !peekIs(")") ? notNull(unary()) : null;
                case "(" -> group();
                default -> leaf(lexeme);
            };
        }

        private Clause group() {
            Clause inner = alternatives();
            if (peekIs(")")) {
                position++;
            }
            return inner;
        }

        private static Clause notNull(Clause clause) {
            return clause == null ? null : new Not(clause);
        }

        private static Clause leaf(String lexeme) {
            if (lexeme.startsWith("\"")) {
                List<String> stems = Tokens.of(lexeme.substring(1)).stems();
                return stems.isEmpty() ? null : stems.size() == 1 ? new Term(stems.getFirst(), false) : new Phrase(stems);
            }
            boolean prefix = lexeme.endsWith("*");
            List<String> stems = Tokens.of(lexeme).stems();
            if (stems.isEmpty()) {
                return null;
            }
            if (stems.size() > 1) {
                return new Phrase(stems); // e.g. "U.S." or "e-mail": one word to the reader, several tokens
            }
            return prefix ? new Term(Tokens.normalise(lexeme.replace("*", "")), true) : new Term(stems.getFirst(), false);
        }

        private boolean peekIs(String lexeme) {
            return position < lexemes.size() && lexemes.get(position).equals(lexeme);
        }
    }
}
