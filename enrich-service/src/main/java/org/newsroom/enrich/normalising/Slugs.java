package org.newsroom.enrich.normalising;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name as it appears in ids and topic names ({@code organisation:opec}, {@code articles.tag.cote-d-ivoire.v1}):
 * folded to lower-case ASCII letters and digits, accents dropped, every run of anything else one hyphen, none at the
 * ends. One rule for entity ids and tag topics, so a subscriber can tell one from the other.
 */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern OTHERS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern ENDS = Pattern.compile("^-|-$");

    private Slugs() {
    }

    /** The slug of {@code name}; every published article's tags are slugged, so ASCII takes no regular expression. */
    public static String of(String name) {
        StringBuilder slug = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return folded(name);
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && !slug.isEmpty()) {
                    slug.append('-');
                }
                slug.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return slug.toString();
    }

    /** The rule itself, by decomposition and patterns: what {@link #of} gives for any text. */
    static String folded(String name) {
        String letters = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return ENDS.matcher(OTHERS.matcher(letters).replaceAll("-")).replaceAll("");
    }
}
