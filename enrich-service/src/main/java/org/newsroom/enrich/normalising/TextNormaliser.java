package org.newsroom.enrich.normalising;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;
import org.newsroom.contracts.ArticleReceived;

/**
 * One text form for every article, whatever tool wrote it: Unicode NFC, no invisible characters, single
 * spaces, no empty paragraphs. Downstream hashing, shingling and search all rely on it.
 */
public final class TextNormaliser {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private TextNormaliser() {
    }

    public static String normalised(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (plain(nfc)) {
            return nfc.strip();
        }
        return SPACES.matcher(INVISIBLE.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
    }

    /**
     * Whether the patterns would leave {@code text} as it is: no invisible character, no space but single plain
     * ones. Most paragraphs are, and every paragraph of every article is normalised.
     */
    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case ' ' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                        return false;
                    }
                }
                case '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2007', '\u202F', '\u200B', '\u200C', '\u200D', '\u2060',
                     '\uFEFF', '\u00AD' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    public static List<String> normalised(List<String> paragraphs) {
        return paragraphs.stream().map(TextNormaliser::normalised).filter(p -> !p.isEmpty()).toList();
    }

    public static ArticleReceived normalised(ArticleReceived a) {
        return new ArticleReceived(a.eventId(), a.occurredAt(), a.articleId(), a.version(), a.source(), a.format(),
                a.url(), a.guid(), normalised(a.headline()), normalised(a.paragraphs()), a.publishedAt(),
                normalised(a.byline()), a.dateline(), a.language(), a.removed(), a.pubStatus(),
                a.correlationId(), a.extraction());
    }
}
