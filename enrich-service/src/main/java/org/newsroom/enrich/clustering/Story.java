package org.newsroom.enrich.clustering;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An open story: the sum of its articles' vectors, its named entities, and when it last grew. */
final class Story {

    private final String id;
    private final Map<String, Double> centroid = new HashMap<>();
    private final Map<String, Double> entities = new HashMap<>();
    private Instant lastSeen = Instant.MIN;
    private int size;
    /** The centroid's norm, NaN until needed after a change. */
    private double centroidNorm = Double.NaN;

    Story(String id) {
        this.id = id;
    }

    void add(Map<String, Double> vector, Map<String, Double> named, Instant time) {
        vector.forEach((w, x) -> centroid.merge(w, x, Double::sum));
        centroidNorm = Double.NaN;
        named.forEach((e, x) -> entities.merge(e, x, Math::max));
        lastSeen = time.isAfter(lastSeen) ? time : lastSeen;
        size++;
    }

    String id() {
        return id;
    }

    Map<String, Double> centroid() {
        return centroid;
    }

    double centroidNorm() {
        if (Double.isNaN(centroidNorm)) {
            centroidNorm = Vectors.norm(centroid);
        }
        return centroidNorm;
    }

    Map<String, Double> entities() {
        return entities;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    int size() {
        return size;
    }
}
