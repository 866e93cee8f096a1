package org.newsroom.enrich.clustering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.enrich.normalising.Words;

/**
 * Online story clustering in the spirit of Miranda et al. 2018: each article joins the most similar open
 * story (TF-IDF cosine to the story's centroid with idf learnt from the stream, plus overlap of named
 * people, organisations and places, both damped by the time since the story last grew) when the
 * similarity reaches {@code threshold}, or opens a story whose id is derived from its own article id. A
 * story's id never changes as it grows; stories quiet for longer than {@code window} close. Only stories
 * sharing a key word or entity with the article are scored ({@link StoryIndex}). In-memory.
 */
public final class StoryClusterer {

    /** How much the named entities count against the words. */
    private static final double ENTITY_WEIGHT = 0.4;
    /** Remembered article decisions, so a redelivered article lands in the same story. */
    private static final int REMEMBERED = 100_000;

    private final Duration window;
    private final double threshold;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final List<Story> open = new ArrayList<>();
    private final StoryIndex index = new StoryIndex();
    private final Map<String, String> storyOfArticle = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private int documents;

    public StoryClusterer(Duration window, double threshold) {
        this.window = window;
        this.threshold = threshold;
    }

    /** The story of an article published (or received) at {@code time}. */
    public synchronized String assign(String articleId, Instant time, String headline, String body,
                                      Collection<Entity> entities) {
        String known = storyOfArticle.get(articleId);
        if (known != null) {
            return known;
        }
        open.removeIf(s -> {
            boolean closed = s.lastSeen().plus(window).isBefore(time);
            if (closed) {
                index.remove(s);
            }
            return closed;
        });
        List<String> words = Words.content(headline + "\n" + headline + "\n" + body);
        learn(words);
        Map<String, Double> vector = tfidf(words);
        Map<String, Double> named = named(entities);
        List<String> keys = StoryIndex.keysOf(vector, named);
        Story best = null;
        double bestScore = 0;
        double norm = Vectors.norm(vector);
        for (Story story : index.candidates(keys)) {
            double score = similarity(story, vector, norm, named, time);
            if (score > bestScore) {
                best = story;
                bestScore = score;
            }
        }
        if (best == null || bestScore < threshold) {
            best = new Story("story-" + articleId);
            open.add(best);
        }
        best.add(vector, named, time);
        index.add(best, keys);
        storyOfArticle.put(articleId, best.id());
        return best.id();
    }

    private double similarity(Story story, Map<String, Double> vector, double norm, Map<String, Double> named,
                              Instant time) {
        double words = Vectors.cosine(story.centroid(), story.centroidNorm(), vector, norm);
        double entities = Vectors.weightedJaccard(story.entities(), named);
        double hours = Math.abs(Duration.between(story.lastSeen(), time).toMinutes()) / 60.0;
        double recency = 1.0 / (1.0 + hours / Math.max(1, window.toHours()));
        return ((1 - ENTITY_WEIGHT) * words + ENTITY_WEIGHT * entities) * recency;
    }

    private void learn(List<String> words) {
        documents++;
        words.stream().distinct().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
    }

    private Map<String, Double> tfidf(List<String> words) {
        Map<String, Integer> tf = new HashMap<>();
        words.forEach(w -> tf.merge(w, 1, Integer::sum));
        Map<String, Double> v = new HashMap<>();
        tf.forEach((w, n) -> v.put(w, (1 + Math.log(n)) * Math.log(1.0 + documents / (double) documentFrequency.get(w))));
        return Vectors.normalised(v);
    }

    /** People and organisations identify a story better than the countries it happens in. */
    private static Map<String, Double> named(Collection<Entity> entities) {
        Map<String, Double> named = new HashMap<>();
        for (Entity e : entities) {
            double weight = e.type() == EntityType.place ? 0.5 : 1.0;
            named.put(e.id(), weight * Math.min(3, e.mentions()));
        }
        return named;
    }
}
