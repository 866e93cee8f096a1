package org.newsroom.query.language;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsroom.query.language.Clause.All;
import org.newsroom.query.language.Clause.Any;
import org.newsroom.query.language.Clause.Prefix;
import org.newsroom.query.language.Clause.Words;

/**
 * Terms at least one of which every article a query matches must hold, as {@code field + '\u0000' + term} keys in
 * the article's own analysis ({@link IndexedArticle#terms()}), or prefixes one of its terms must start with: the
 * pre-filter that lets many saved searches be matched without running each one (the idea of Lucene's monitor
 * presearcher). None when the query can match an article without any particular term (a lone {@code NOT}, no
 * text and only a date range).
 *
 * <p>A word or phrase needs all its terms in one field, so one term per field stands for it (the longest:
 * long terms tend to be rare); {@code AND} needs every part, so the most selective part stands for it (text
 * before keyword filters, whose values like {@code en} most articles share); {@code OR} needs one of its parts,
 * so it is the union of theirs, or none if one part has none.
 */
public final class RequiredTerms {

    /** A term key, or with {@code prefix} the start of one: {@code field + '\u0000' + term or prefix}. */
    public record Required(String key, boolean prefix) {
    }

    private RequiredTerms() {
    }

    static Optional<Set<Required>> of(NewsQuery query) {
        Optional<Set<Required>> text = of(query.clause());
        if (text.isPresent()) {
            return text;
        }
        return ArticleFields.keywordFilters(query.filters()).stream()
                .map(filter -> {
                    Set<Required> keys = new HashSet<>();
                    filter.fields().forEach(field -> filter.values()
                            .forEach(value -> keys.add(new Required(key(field, value), false))));
                    return keys;
                })
                .min(Comparator.comparingInt(Set::size));
    }

    static String key(String field, String term) {
        return field + SEPARATOR + term;
    }

    /** Between field and term in a key: a term key's prefixes past it are the keys of the term's prefixes. */
    public static final char SEPARATOR = '\u0000';

    private static Optional<Set<Required>> of(Clause clause) {
        return switch (clause) {
            case Words words -> {
                Set<Required> keys = new HashSet<>();
                for (ArticleFields.TextField field : ArticleFields.TEXT) {
                    ArticleFields.terms(field.name(), words.text()).stream().max(Comparator.comparingInt(String::length))
                            .ifPresent(term -> keys.add(new Required(key(field.name(), term), false)));
                }
                yield Optional.of(keys);
            }
            case Prefix prefix -> Optional.of(ArticleFields.TEXT.stream()
                    .map(field -> new Required(key(field.name(), prefix.prefix()), true)).collect(Collectors.toSet()));
            case All all -> all.clauses().stream().map(RequiredTerms::of).flatMap(Optional::stream)
                    .max(Comparator.comparingInt(RequiredTerms::selectivity));
            case Any any -> {
                Set<Required> keys = new HashSet<>();
                for (Clause part : any.clauses()) {
                    Optional<Set<Required>> required = of(part);
                    if (required.isEmpty()) {
                        yield Optional.empty();
                    }
                    keys.addAll(required.get());
                }
                yield Optional.of(keys);
            }
            default -> Optional.empty(); // Everything, Not
        };
    }

    /** Higher is rarer: whole terms before prefixes, fewer alternatives, and longer terms among them. */
    private static int selectivity(Set<Required> keys) {
        int shortest = keys.stream().mapToInt(k -> k.key().length() - k.key().indexOf(SEPARATOR) - 1).min().orElse(0);
        boolean anyPrefix = keys.stream().anyMatch(Required::prefix);
        return (anyPrefix ? 0 : 1000) + shortest * 10 - keys.size();
    }
}
