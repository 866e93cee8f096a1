package org.newsroom.query.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text broken into lower-case words and light English stems (plural and possessive endings removed), so that
 * "sanction" matches "sanctions" and "Russia's" matches "Russia" in memory, as the index's English analysis does.
 */
final class Tokens {

    private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern OPERATOR_OR_SPACE = Pattern.compile("[\\s()|+]");

    private final List<String> words;
    private final List<String> stems;
    private final Set<String> stemSet;

    private Tokens(List<String> words) {
        this.words = words;
        this.stems = words.stream().map(Tokens::stem).toList();
        this.stemSet = new HashSet<>(stems);
    }

    static Tokens of(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NON_WORD.split(POSSESSIVE.matcher(text).replaceAll(""))) {
            if (!word.isEmpty()) {
                words.add(normalise(word));
            }
        }
        return new Tokens(words);
    }

    static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    List<String> stems() {
        return stems;
    }

    boolean has(String stem) {
        return stemSet.contains(stem);
    }

    boolean hasPrefix(String prefix) {
        return words.stream().anyMatch(w -> w.startsWith(prefix));
    }

    boolean hasSequence(List<String> sequence) {
        for (int start = 0; start + sequence.size() <= stems.size(); start++) {
            if (stems.subList(start, start + sequence.size()).equals(sequence)) {
                return true;
            }
        }
        return false;
    }

    /** Lucene's minimal English stemmer (Harman's S-stemmer): plural endings only, never over-stems. */
    static String stem(String word) {
        int n = word.length();
        if (n < 3 || word.charAt(n - 1) != 's') {
            return word;
        }
        if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (word.endsWith("es") && !word.endsWith("aes") && !word.endsWith("ees") && !word.endsWith("oes")) {
            return word.substring(0, n - 1);
        }
        if (!word.endsWith("us") && !word.endsWith("ss")) {
            return word.substring(0, n - 1);
        }
        return word;
    }

    /**
     * Splits a query into lexemes: {@code ( ) | + -}, quoted phrases (kept with their opening quote) and
     * words; the words {@code OR}, {@code AND} and {@code NOT} become {@code |}, {@code +} and {@code -}, as the
     * search API reads them, and fuzziness suffixes ({@code ~2}) are dropped.
     */
    static List<String> lex(String query) {
        List<String> lexemes = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("()|+-".indexOf(c) >= 0) {
                lexemes.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int end = query.indexOf('"', i + 1);
                end = end < 0 ? query.length() : end;
                lexemes.add("\"" + query.substring(i + 1, end));
                i = skipFuzziness(query, end + 1);
            } else {
                int end = i;
                while (end < query.length() && !OPERATOR_OR_SPACE.matcher(String.valueOf(query.charAt(end))).matches()
                        && query.charAt(end) != '"') {
                    end++;
                }
                String word = query.substring(i, end).replaceFirst("~\\d*$", "");
                lexemes.add(switch (word) {
                    case "OR" -> "|";
                    case "AND" -> "+";
                    case "NOT" -> "-";
                    default -> word;
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
