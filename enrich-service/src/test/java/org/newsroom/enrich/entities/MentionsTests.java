package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.Reuters21578;

/**
 * The word tests of {@link Mentions} and {@link Names#fold} are written out for speed; the patterns they stand for
 * are the oracle, on every word and every gap between words of Reuters and BBC, and on awkward characters.
 */
class MentionsTests {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’.\\-]*");
    private static final Pattern ABBREVIATION = Pattern.compile("(\\p{Lu}\\.)+|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|St\\.");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.\\-]+$");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern SENTENCE_GAP = Pattern.compile(".*[.!?:\"“”].*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    @Test
    void wordTestsAgreeWithThePatternsTheyStandFor() {
        Set<String> words = new LinkedHashSet<>(List.of("U.S.", "J.", "Mr.", "St.", "É.", "𝐀.", "𝐀.B.", "u.s.",
                "A.b", "AB.", "Lavrov's", "Lavrov’s", "it's", "s's", "co-.", "Inc..", "x-", "Ⓐ."));
        Set<String> gaps = new LinkedHashSet<>(List.of(" ", ". ", " \"", " “", "\n. ", ".\u2028", " : ", "\u0085!",
                "? ", "\r", ", ", " (", ") ", "”"));
        List<String> texts = new ArrayList<>();
        Reuters21578.read(Path.of("..", "data", "reuters21578")).forEach(s -> texts.addAll(s.paragraphs()));
        BbcNews.read(Path.of("..", "data", "bbc")).forEach(s -> texts.addAll(s.paragraphs()));
        for (String text : texts) {
            Matcher m = WORD.matcher(text);
            int end = 0;
            while (m.find()) {
                words.add(m.group());
                gaps.add(text.substring(end, m.start()));
                end = m.end();
            }
        }
        assertThat(words).hasSizeGreaterThan(50_000);
        for (String raw : words) {
            assertThat(Mentions.abbreviation(raw)).as(raw).isEqualTo(ABBREVIATION.matcher(raw).matches());
            assertThat(Mentions.withoutTrailingPunctuation(raw)).as(raw)
                    .isEqualTo(TRAILING_PUNCTUATION.matcher(raw).replaceAll(""));
            assertThat(Mentions.withoutPossessive(raw)).as(raw).isEqualTo(POSSESSIVE.matcher(raw).replaceAll(""));
            assertThat(Names.fold(raw)).as(raw).isEqualTo(MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD))
                    .replaceAll("").toLowerCase(Locale.ROOT).replace('’', '\''));
        }
        for (String gap : gaps) {
            assertThat(Mentions.sentenceGap(gap)).as(gap).isEqualTo(SENTENCE_GAP.matcher(gap).matches());
        }
    }
}
