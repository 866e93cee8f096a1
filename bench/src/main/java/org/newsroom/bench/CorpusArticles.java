package org.newsroom.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.newsroom.corpora.BenchStories;
import org.newsroom.corpora.BenchStories.Story;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's articles: the Reuters-21578 and BBC stories, shuffled once, then repeated as variants (another
 * headline prefix, dateline and paragraph order, a later date) to reach any count. Every article carries a guid of
 * its own, so every one gets a distinct article id and ends up as a distinct document.
 */
final class CorpusArticles {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String> PREFIXES = List.of("UPDATE 1-", "RPT-", "FOCUS-", "WRAPUP 2-", "CORRECTED-",
            "ANALYSIS-", "UPDATE 3-");
    private static final List<String> PLACES = List.of("LONDON", "NEW YORK", "TOKYO", "FRANKFURT", "SYDNEY",
            "PARIS", "SINGAPORE", "TORONTO", "BRUSSELS", "NAIROBI", "SAO PAULO");

    /** The corpus stories, their datelines cut to the place: what the variants are made from. */
    private final List<Story> stories;
    private final String runId;

    CorpusArticles(List<Story> stories, String runId) {
        this.stories = List.copyOf(stories);
        this.runId = runId;
    }

    static CorpusArticles read(Path dataDir, String runId) {
        return new CorpusArticles(BenchStories.read(dataDir).stream().map(story -> new Story(story.corpus(),
                story.headline(), story.dateline() == null ? null : place(story.dateline()), story.paragraphs(),
                story.date())).toList(), runId);
    }

    int distinctStories() {
        return stories.size();
    }

    /** The {@code n}-th article (from 0): the story n modulo the corpus, as variant n divided by it. */
    BenchArticle article(long n) {
        Story story = stories.get((int) (n % stories.size()));
        int round = (int) (n / stories.size());
        String guid = "bench:" + runId + ":" + n;
        ObjectNode json = JSON.createObjectNode();
        json.put("guid", guid);
        json.put("headline", round == 0 ? story.headline() : PREFIXES.get(round % PREFIXES.size()) + story.headline());
        String place = round == 0 ? story.dateline() : PLACES.get((int) ((n + round) % PLACES.size()));
        if (place != null && !place.isBlank()) {
            json.put("dateline", place);
        }
        var paragraphs = json.putArray("paragraphs");
        List<String> body = story.paragraphs();
        for (int i = 0; i < body.size(); i++) {
            paragraphs.add(body.get((i + round) % body.size()));
        }
        Instant date = story.date() == null ? Instant.parse("2005-01-01T00:00:00Z") : story.date();
        json.put("publishedAt", date.plus(Duration.ofDays(round)).toString());
        json.put("language", "en");
        json.put("source", "bench-" + story.corpus());
        return new BenchArticle(n, guid, json);
    }

    private static String place(String dateline) {
        int comma = dateline.indexOf(',');
        String place = (comma > 0 ? dateline.substring(0, comma) : dateline).strip();
        return place.length() > 60 ? null : place;
    }

    /** An article ready to drop or post, with the guid it is found by once searchable. */
    record BenchArticle(long n, String guid, ObjectNode json) {

        String line() {
            return JSON.writeValueAsString(json);
        }
    }
}
