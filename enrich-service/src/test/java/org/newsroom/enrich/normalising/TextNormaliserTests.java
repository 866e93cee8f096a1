package org.newsroom.enrich.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.Reuters21578;

class TextNormaliserTests {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    @Test
    void foldsSpacesDropsInvisibleCharactersAndComposes() {
        assertThat(TextNormaliser.normalised("  Nicola\u0301s\u00A0 Maduro\u200B's\tteam\n")).isEqualTo("Nicolás Maduro's team");
        assertThat(TextNormaliser.normalised("\u2028plain\u2028")).isEqualTo("plain");
    }

    /** The shortcut for text the patterns would leave alone gives what the patterns give, on both corpora. */
    @Test
    void givesWhatThePatternsGiveOnBothCorpora() {
        List<String> texts = new ArrayList<>(List.of("a  b", "a \u200B b", "x\u00AD", " lead", "trail ", "\u2029",
                "a\u2007b", "a\u202Fb", "a\u000Bb", "a\fb", "one two"));
        Reuters21578.read(Path.of("..", "data", "reuters21578")).forEach(s -> {
            texts.add(s.title());
            texts.addAll(s.paragraphs());
        });
        BbcNews.read(Path.of("..", "data", "bbc")).forEach(s -> {
            texts.add(s.headline());
            texts.addAll(s.paragraphs());
        });
        for (String text : texts) {
            String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
            assertThat(TextNormaliser.normalised(text)).as(text)
                    .isEqualTo(SPACES.matcher(INVISIBLE.matcher(nfc).replaceAll("")).replaceAll(" ").strip());
        }
    }
}
