package org.newsroom.enrich.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VectorsTests {

    @Test
    void theDotProductIsTheSameDoubleAsASumInKeyOrderWhicheverSideIsLonger() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            Map<String, Double> a = weights(random, 1 + random.nextInt(300));
            Map<String, Double> b = weights(random, 1 + random.nextInt(30));
            Vectors va = Vectors.of(a).normalised();
            Vectors vb = Vectors.of(b).normalised();

            double expected = sumInKeyOrder(va, vb);
            assertThat(va.dot(vb)).isEqualTo(expected);
            assertThat(vb.dot(va)).isEqualTo(expected);
        }
    }

    @Test
    void keysEqualInTextButNotTheSameObjectStillMatch() {
        Vectors one = Vectors.of(Map.of(new String("venezuela"), 2.0, "finland", 1.0));
        Vectors other = Vectors.of(Map.of(new String("venezuela"), 3.0));

        assertThat(one.dot(other)).isEqualTo(6.0);
        assertThat(one.sharesKey(other)).isTrue();
    }

    /** Words from a small vocabulary, so that vectors share some. */
    private static Map<String, Double> weights(Random random, int size) {
        Map<String, Double> weights = new HashMap<>();
        while (weights.size() < size) {
            weights.put("w" + random.nextInt(2_000), random.nextDouble());
        }
        return weights;
    }

    private static double sumInKeyOrder(Vectors a, Vectors b) {
        TreeMap<String, Double> right = new TreeMap<>();
        for (int j = 0; j < b.keys().length; j++) {
            right.put(b.keys()[j], b.values()[j]);
        }
        double sum = 0;
        for (int i = 0; i < a.keys().length; i++) {
            Double other = right.get(a.keys()[i]);
            if (other != null) {
                sum += a.values()[i] * other;
            }
        }
        return sum;
    }
}
