package org.newsroom.enrich.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of an article body as duplicate detection compares them: the headline is left out (republishers
 * re-headline), so are a leading dateline ("LONDON (Reuters) -") and a byline paragraph, which each outlet
 * rewrites; case, accents' encoding and punctuation do not count, numbers do.
 */
public final class BodyText {

    private static final Pattern DATELINE = Pattern.compile(
            "^(\\p{Lu}[\\p{Lu}\\p{M} .'/-]{1,40}(,[\\p{L}\\p{M}\\d .]{1,30}){0,2}\\s*(\\([^)]{1,30}\\))?"
                    + "|[\\p{L}\\p{M} .,'/-]{1,40}\\([^)]{1,30}\\))\\s*[-\u2013\u2014]{1,2}\\s+");
    private static final Pattern BYLINE = Pattern.compile("^(By|BY|by) \\p{Lu}.{0,60}$");

    private BodyText() {
    }

    public static List<String> words(List<String> paragraphs) {
        List<String> words = new ArrayList<>();
        boolean first = true;
        for (String paragraph : paragraphs) {
            String text = paragraph.strip();
            if (first && BYLINE.matcher(text).matches()) {
                continue;
            }
            if (first) {
                text = DATELINE.matcher(text).replaceFirst("");
                first = text.isEmpty();
            }
            split(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), words);
        }
        return words;
    }

    private static void split(String text, List<String> words) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean part = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
    }
}
