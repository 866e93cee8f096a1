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
 * The word tests of {@link Mentions}, {@link Names#fold} and {@link Names#key} are written out for speed; the
 * patterns they stand for are the oracle, on every word and every gap between words of Reuters and BBC, and on
 * awkward characters.
 */
class MentionsTests {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’.\\-]*");
    private static final Pattern ABBREVIATION = Pattern.compile("(\\p{Lu}\\.)+|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|St\\.");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.\\-]+$");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern SENTENCE_GAP = Pattern.compile(".*[.!?:\"“”].*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");
    private static final Pattern REPEATS = Pattern.compile("(.)\\1+");

    @Test
    void wordTestsAgreeWithThePatternsTheyStandFor() {
        Set<String> words = new LinkedHashSet<>(List.of("U.S.", "J.", "Mr.", "St.", "É.", "𝐀.", "𝐀.B.", "u.s.",
                "A.b", "AB.", "Lavrov's", "Lavrov’s", "it's", "s's", "co-.", "Inc..", "x-", "Ⓐ."));
        Set<String> gaps = new LinkedHashSet<>(List.of(" ", ". ", " \"", " “", "\n. ", ".\u2028", " : ", "\u0085!",
                "? ", "\r", ", ", " (", ") ", "”"));
        List<String> texts = new ArrayList<>();
        Reuters21578.read(Path.of("..", "data", "reuters21578")).forEach(s -> texts.addAll(s.paragraphs()));
        BbcNews.read(Path.of("..", "data", "bbc")).forEach(s -> texts.addAll(s.paragraphs()));
        texts.addAll(List.of("𝐀𝐁 x", "\uD835 A\uDC00b", "e\u0301tude 2½ Ⅻ-3", "-'’.x' ’y", "a\u20DD b", "",
                "\uD835\uDFCE1 x\uD835\uDFCE \uD834\uDD65a b\uD834\uDD65 z\uD835"));
        for (String text : texts) {
            Matcher m = WORD.matcher(text);
            int end = 0;
            int start = Mentions.wordStart(text, 0);
            while (m.find()) {
                assertThat(start).as(text).isEqualTo(m.start());
                assertThat(Mentions.wordEnd(text, start)).as(text).isEqualTo(m.end());
                words.add(m.group());
                gaps.add(text.substring(end, m.start()));
                end = m.end();
                start = Mentions.wordStart(text, end);
            }
            assertThat(start).as(text).isEqualTo(-1);
        }
        assertThat(words).hasSizeGreaterThan(50_000);
        for (String raw : words) {
            assertThat(Mentions.abbreviation(raw)).as(raw).isEqualTo(ABBREVIATION.matcher(raw).matches());
            assertThat(Mentions.withoutTrailingPunctuation(raw)).as(raw)
                    .isEqualTo(TRAILING_PUNCTUATION.matcher(raw).replaceAll(""));
            assertThat(Mentions.withoutPossessive(raw)).as(raw).isEqualTo(POSSESSIVE.matcher(raw).replaceAll(""));
            assertThat(Names.key(raw)).as(raw).isEqualTo(REPEATS.matcher(NOT_LETTER.matcher(Names.fold(raw)).replaceAll("")
                    .replace("ks", "x").replace("ph", "f").replace("y", "i").replace("ck", "k")).replaceAll("$1"));
            assertThat(Names.fold(raw)).as(raw).isEqualTo(MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD))
                    .replaceAll("").toLowerCase(Locale.ROOT).replace('’', '\''));
        }
        for (String gap : gaps) {
            assertThat(Mentions.sentenceGap(gap)).as(gap).isEqualTo(SENTENCE_GAP.matcher(gap).matches());
        }
    }
}
