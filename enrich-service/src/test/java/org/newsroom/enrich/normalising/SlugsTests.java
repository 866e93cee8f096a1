package org.newsroom.enrich.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void foldAccentsAndPunctuationIntoSingleHyphens() {
        assertThat(Slugs.of("Côte d’Ivoire")).isEqualTo("cote-d-ivoire");
        assertThat(Slugs.of("  Mergers & Acquisitions!! ")).isEqualTo("mergers-acquisitions");
        assertThat(Slugs.of("U.S. 2024--Election")).isEqualTo("u-s-2024-election");
        assertThat(Slugs.of("Banco Santander, S.A.")).isEqualTo("banco-santander-s-a");
        assertThat(Slugs.of("-- ")).isEmpty();
    }

    @Test
    void theAsciiShortcutGivesWhatTheFullRuleGives() {
        Random random = new Random(20261203);
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) (0x20 + random.nextInt(0x5f)); // printable ASCII, letters, digits and punctuation
            }
            String name = new String(text);
            assertThat(Slugs.of(name)).as(name).isEqualTo(Slugs.folded(name));
        }
    }
}
