package org.newsroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NearKeysTests {

    /** Keys over a small alphabet, so that many pairs are within two edits of each other. */
    private static List<String> keys(Random random, int count) {
        Set<String> keys = new HashSet<>();
        while (keys.size() < count) {
            StringBuilder key = new StringBuilder();
            int length = 3 + random.nextInt(7);
            for (int i = 0; i < length; i++) {
                key.append("abcde".charAt(random.nextInt(5)));
            }
            keys.add(key.toString());
        }
        return new ArrayList<>(keys);
    }

    private static Set<String> closeAmongCandidates(NearKeys near, String word) {
        Set<String> found = new TreeSet<>();
        near.candidates(word, key -> {
            if (Names.close(key, word)) {
                found.add(key);
            }
        });
        return found;
    }

    private static Set<String> closeByComparingWithAll(Set<String> held, String word) {
        Set<String> close = new TreeSet<>();
        held.stream().filter(key -> Names.close(key, word)).forEach(close::add);
        return close;
    }

    @Test
    void findsEveryHeldKeyWithinTwoEditsAsComparingWithEveryKeyWould() {
        Random random = new Random(7);
        List<String> keys = keys(random, 600);
        NearKeys near = new NearKeys();
        Set<String> held = new HashSet<>();
        keys.subList(0, 400).forEach(key -> {
            near.add(key);
            held.add(key);
        });
        int pairs = 0;
        for (String word : keys) {
            Set<String> expected = closeByComparingWithAll(held, word);
            pairs += expected.size();
            assertThat(closeAmongCandidates(near, word)).as(word).isEqualTo(expected);
        }
        assertThat(pairs).as("close pairs the check covered").isGreaterThan(1000);
    }

    @Test
    void aRemovedKeyIsNoLongerFoundAndKeysSharingItsDeletionsStay() {
        Random random = new Random(11);
        List<String> keys = keys(random, 300);
        NearKeys near = new NearKeys();
        keys.forEach(near::add);
        Set<String> held = new HashSet<>(keys);
        for (String gone : keys.subList(0, 150)) {
            near.remove(gone);
            held.remove(gone);
        }
        for (String word : keys) {
            assertThat(closeAmongCandidates(near, word)).as(word).isEqualTo(closeByComparingWithAll(held, word));
        }
        keys.subList(150, 300).forEach(near::remove);
        assertThat(near.isEmpty()).as("nothing left once every key is removed").isTrue();
    }

    @Test
    void holdsNothingForAKeyTooShortToBeCloseToAnother() {
        NearKeys near = new NearKeys();
        near.add("abcd");

        assertThat(near.isEmpty()).isTrue();
        assertThat(closeAmongCandidates(near, "abcd")).isEmpty();
    }
}
