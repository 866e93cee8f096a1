package org.newsroom.query.language;

import java.util.ArrayList;
import java.util.List;
import org.newsroom.query.language.Clause.All;
import org.newsroom.query.language.Clause.Any;
import org.newsroom.query.language.Clause.Everything;
import org.newsroom.query.language.Clause.Not;
import org.newsroom.query.language.Clause.Prefix;
import org.newsroom.query.language.Clause.Words;

/**
 * Recursive descent over the query syntax described in {@link NewsQuery}: alternatives ({@code |}, {@code OR})
 * bind looser than the implicit AND between terms; {@code -} and {@code NOT} apply to the next term or group.
 */
final class QueryParser {

    private enum Kind { OR, AND, NOT, OPEN, CLOSE, PHRASE, WORD }

    private record Lexeme(Kind kind, String text) {
    }

    private final List<Lexeme> lexemes;
    private int position;

    private QueryParser(List<Lexeme> lexemes) {
        this.lexemes = lexemes;
    }

    static Clause parse(String query) {
        return new QueryParser(lex(query)).query();
    }

    private Clause query() {
        List<Clause> all = new ArrayList<>();
        all.add(alternatives());
        while (position < lexemes.size()) {
            position++; // an unmatched ")": skip it and keep what follows
            all.add(alternatives());
        }
        return all(all);
    }

    private Clause alternatives() {
        List<Clause> any = new ArrayList<>();
        any.add(conjunction());
        while (peek(Kind.OR)) {
            position++;
            any.add(conjunction());
        }
        // "a | | b" or "a |" leave empty alternatives: ignored, as stray operators are
        List<Clause> kept = any.stream().filter(c -> !(c instanceof Everything)).toList();
        return kept.isEmpty() ? new Everything() : kept.size() == 1 ? kept.getFirst() : new Any(kept);
    }

    private Clause conjunction() {
        List<Clause> all = new ArrayList<>();
        while (position < lexemes.size() && !peek(Kind.OR) && !peek(Kind.CLOSE)) {
            Clause unary = unary();
            if (unary != null) {
                all.add(unary);
            }
        }
        return all(all);
    }

    private Clause unary() {
        Lexeme lexeme = lexemes.get(position++);
        return switch (lexeme.kind()) {
            case AND, OR, CLOSE -> null;
            case NOT -> position < lexemes.size() && !peek(Kind.OR) && !peek(Kind.CLOSE) ? not(unary()) : null;
            case OPEN -> group();
            case PHRASE -> words(lexeme.text());
            case WORD -> lexeme.text().endsWith("*") ? prefix(lexeme.text()) : words(lexeme.text());
        };
    }

    private Clause group() {
        Clause inner = alternatives();
        if (peek(Kind.CLOSE)) {
            position++;
        }
        return inner instanceof Everything ? null : inner;
    }

    private static Clause not(Clause clause) {
        return clause == null ? null : new Not(clause);
    }

    private static Clause all(List<Clause> clauses) {
        return clauses.isEmpty() ? new Everything() : clauses.size() == 1 ? clauses.getFirst() : new All(clauses);
    }

    /** Null for stop words only ("the"): the English fields leave no term of them, so they cannot be asked for. */
    private static Clause words(String text) {
        return ArticleFields.terms(ArticleFields.ENGLISH_FIELD, text).isEmpty() ? null : new Words(text);
    }

    private static Clause prefix(String word) {
        String prefix = ArticleFields.normalise(word.replaceFirst("\\*+$", ""));
        return prefix.isEmpty() ? null : new Prefix(prefix);
    }

    private boolean peek(Kind kind) {
        return position < lexemes.size() && lexemes.get(position).kind() == kind;
    }

    /**
     * Splits a query into lexemes: {@code ( ) |} anywhere outside quotes, {@code + -} at the start of a word,
     * quoted phrases, and words; fuzziness suffixes ({@code ~2}) are dropped.
     */
    private static List<Lexeme> lex(String query) {
        List<Lexeme> lexemes = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '|') {
                lexemes.add(new Lexeme(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.OR, String.valueOf(c)));
                i++;
            } else if (c == '+' || c == '-') {
                lexemes.add(new Lexeme(c == '+' ? Kind.AND : Kind.NOT, String.valueOf(c)));
                i++;
            } else if (c == '"') {
                int end = query.indexOf('"', i + 1);
                end = end < 0 ? query.length() : end;
                lexemes.add(new Lexeme(Kind.PHRASE, query.substring(i + 1, end)));
                i = skipFuzziness(query, end + 1);
            } else {
                int end = i;
                while (end < query.length() && !Character.isWhitespace(query.charAt(end))
                        && "()|\"".indexOf(query.charAt(end)) < 0) {
                    end++;
                }
                String word = query.substring(i, end).replaceFirst("~\\d*$", "");
                lexemes.add(switch (word) {
                    case "OR" -> new Lexeme(Kind.OR, word);
                    case "AND" -> new Lexeme(Kind.AND, word);
                    case "NOT" -> new Lexeme(Kind.NOT, word);
                    default -> new Lexeme(Kind.WORD, word);
                });
                i = end;
            }
        }
        return lexemes;
    }

    private static int skipFuzziness(String query, int from) {
        int i = from;
        if (i < query.length() && query.charAt(i) == '~') {
            i++;
            while (i < query.length() && Character.isDigit(query.charAt(i))) {
                i++;
            }
        }
        return i;
    }
}
