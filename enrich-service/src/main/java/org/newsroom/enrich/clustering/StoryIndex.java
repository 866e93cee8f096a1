package org.newsroom.enrich.clustering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which open stories an article could belong to: those sharing one of its most weighted words or one of its
 * named entities. Scoring only these keeps clustering cost per article near constant as stories accumulate;
 * a story sharing neither could not reach the similarity threshold anyway.
 */
final class StoryIndex {

    /** How many of an article's highest TF-IDF words make it findable (and let it find stories). */
    static final int KEY_WORDS = 12;

    private final Map<String, Set<Story>> storiesByKey = new HashMap<>();
    private final Map<Story, List<String>> keysOfStory = new HashMap<>();

    static List<String> keysOf(Map<String, Double> vector, Map<String, Double> named) {
        List<String> keys = new ArrayList<>();
        vector.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(KEY_WORDS)
                .forEach(e -> keys.add("w:" + e.getKey()));
        named.keySet().forEach(entity -> keys.add("e:" + entity));
        return keys;
    }

    Collection<Story> candidates(List<String> keys) {
        Set<Story> candidates = new LinkedHashSet<>();
        for (String key : keys) {
            candidates.addAll(storiesByKey.getOrDefault(key, Set.of()));
        }
        return candidates;
    }

    void add(Story story, List<String> keys) {
        for (String key : keys) {
            storiesByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(story);
        }
        keysOfStory.computeIfAbsent(story, s -> new ArrayList<>()).addAll(keys);
    }

    void remove(Story story) {
        for (String key : keysOfStory.getOrDefault(story, List.of())) {
            Set<Story> stories = storiesByKey.get(key);
            if (stories != null) {
                stories.remove(story);
                if (stories.isEmpty()) {
                    storiesByKey.remove(key);
                }
            }
        }
        keysOfStory.remove(story);
    }
}
