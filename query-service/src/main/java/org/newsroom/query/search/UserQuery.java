package org.newsroom.query.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what newsroom users type into Elasticsearch's {@code simple_query_string} syntax, which never fails
 * on bad input: the words {@code OR}, {@code AND} and {@code NOT} (upper case, outside quotes) become
 * {@code |}, {@code +} and {@code -}; phrases in quotes, {@code +}, {@code -}, {@code |}, parentheses and a
 * trailing {@code *} pass through. All words are required unless joined by OR.
 */
final class UserQuery {

    private static final Pattern QUOTED_OR_WORD = Pattern.compile("\"[^\"]*\"?|\\S+");

    private UserQuery() {
    }

    static String toSimpleQuery(String query) {
        StringBuilder out = new StringBuilder();
        Matcher token = QUOTED_OR_WORD.matcher(query.strip());
        boolean negateNext = false;
        while (token.find()) {
            String word = token.group();
            String translated = switch (word) {
                case "OR" -> "|";
                case "AND" -> "+";
                case "NOT" -> null;
                default -> negateNext ? "-" + word : word;
            };
            negateNext = "NOT".equals(word);
            if (translated != null) {
                out.append(out.isEmpty() ? "" : " ").append(translated);
            }
        }
        return out.toString();
    }
}
