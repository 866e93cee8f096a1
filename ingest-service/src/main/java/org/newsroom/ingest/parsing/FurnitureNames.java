package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Whether an element's class or id names page furniture (a sidebar, a share bar, an ad), read as words, never as
 * substrings: {@code penci_sidebar} names a sidebar, {@code elementor-widget-container} a widget's content box, and
 * {@code non-ad-column-l} the column without ads (the failure kinds of issue 14 came from substring tests).
 */
final class FurnitureNames {

    /**
     * Class/id words of page furniture. A class or id token ({@code site-header}, {@code share_buttons}) is
     * furniture when its first word is one of these, or its last word when the token has two words; longer tokens
     * whose last word is one (e.g. {@code elementor-widget-container}, a widget's content box) are not.
     */
    private static final Set<String> FURNITURE = Set.of("comment", "comments", "disqus", "share", "sharing", "sharer",
            "social", "related", "recommend", "recommended", "promo", "sponsor", "sponsored", "advert", "advertisement",
            "ad", "ads", "banner", "sidebar", "rail", "widget", "widgets", "footer", "masthead", "header", "navigation",
            "nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "newsletter", "subscribe", "signup", "popup", "modal",
            "cookie", "cookies", "outbrain", "taboola", "tags", "byline", "caption", "credit", "toolbar", "skip",
            "pagination", "print", "hidden", "timestamp", "dateline", "meta", "topics", "follow", "trending");
    /** Furniture named in two words. */
    private static final Set<String> FURNITURE_PHRASES = Set.of("side-bar", "more-from", "read-more", "most-read",
            "author-bio", "visually-hidden", "sr-only", "tag-list", "tags-list");
    /** First words that negate the rest: {@code non-ad-column} is the column without ads. */
    private static final Set<String> NEGATIONS = Set.of("non", "no", "not", "without");
    /** Last words that name a variant of a thing, not the thing: {@code header-style-2} styles a page. */
    private static final Set<String> VARIANTS = Set.of("style", "layout", "type", "template", "theme", "version",
            "skin", "mode");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[-_]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern VARIANT_SUFFIX = Pattern.compile("\\d+|\\p{L}|");

    private FurnitureNames() {
    }

    /** The furniture word an element's class or id tokens name, or null. */
    static String wordOf(Element element) {
        String names = (element.className() + " " + element.id()).strip();
        if (names.isEmpty()) {
            return null;
        }
        for (String token : WHITESPACE.split(names.toLowerCase(Locale.ROOT))) {
            String word = wordOf(token);
            if (word != null) {
                return word;
            }
        }
        return null;
    }

    /** The furniture word one class or id token names, or null. */
    static String wordOf(String token) {
        if (token.isEmpty()) {
            return null;
        }
        if (FURNITURE_PHRASES.contains(token)) {
            return token;
        }
        List<String> words = new ArrayList<>(List.of(WORD_SEPARATORS.split(token)));
        // Trailing numbers and single letters are variants (`header-style-2`, `column-l`), not words.
        while (words.size() > 1 && VARIANT_SUFFIX.matcher(words.getLast()).matches()) {
            words.removeLast();
        }
        if (words.isEmpty() || NEGATIONS.contains(words.getFirst()) || VARIANTS.contains(words.getLast())) {
            return null;
        }
        if (words.size() >= 2 && FURNITURE_PHRASES.contains(words.get(0) + "-" + words.get(1))) {
            return words.get(0) + "-" + words.get(1);
        }
        if (FURNITURE.contains(words.getFirst())) {
            return words.getFirst();
        }
        return words.size() == 2 && FURNITURE.contains(words.getLast()) ? words.getLast() : null;
    }
}
