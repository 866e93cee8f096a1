package org.newsroom.query.language;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Tag;

/**
 * Seeded generators of articles and queries for property tests: words in several inflections and cases, with
 * stop words, hyphens, numbers and possessives, and two in three with an HTML extraction; queries mixing words,
 * phrases cut from the articles, prefixes, NOT, OR, groups and stray operators; filter values in random case.
 */
public final class RandomQueries {

    public static final List<String> WORDS = List.of("sanction", "sanctions", "sanctioned", "Sanctioning", "bank",
            "Banks", "banking", "oil", "OIL", "prices", "priced", "talks", "talked", "Russia", "Russia's", "Venezuela",
            "e-mail", "U.S.", "the", "of", "and", "is", "england", "minister", "ministers", "election", "elections",
            "rate", "rates", "rating", "crisis", "crises", "running", "runs", "2019", "Pompeo");
    public static final List<String> TAG_IDS = List.of("medtop:11000000", "medtop:15000000", "medtop:04000000");
    public static final List<String> TAG_LABELS = List.of("Politics", "Sport", "Economy");
    public static final List<String> SOURCES = List.of("Reuters", "AP", "BBC News");
    private static final List<String> ENTITIES = List.of("Q298", "Q717", "Q30");
    private static final List<String> ENTITY_NAMES = List.of("Chile", "Venezuela", "United States");
    private static final Instant START = Instant.parse("2019-05-01T00:00:00Z");

    private RandomQueries() {
    }

    public static ArticleEnriched article(Random random, String id) {
        Instant now = Instant.now();
        int paragraphs = 1 + random.nextInt(3);
        List<String> body = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            body.add(sentence(random, 4 + random.nextInt(10)) + ".");
        }
        List<Tag> tags = new ArrayList<>();
        int tag = random.nextInt(TAG_IDS.size());
        if (random.nextInt(4) > 0) {
            tags.add(new Tag(TAG_IDS.get(tag), TAG_LABELS.get(tag), "medtop", 0.8, List.of()));
        }
        List<Entity> entities = new ArrayList<>();
        if (random.nextBoolean()) {
            int e = random.nextInt(ENTITIES.size());
            entities.add(new Entity(ENTITIES.get(e), ENTITY_NAMES.get(e), EntityType.place, List.of(), 1));
        }
        String source = pick(random, SOURCES);
        return new ArticleEnriched(UUID.randomUUID(), now, id, 1, new Source(source, SourceKind.http, "test:" + id),
                "text", "https://news.example/" + id, null, sentence(random, 3 + random.nextInt(6)), body,
                START.plus(Duration.ofHours(random.nextInt(240))), random.nextInt(3) == 0 ? "By " + sentence(random, 2) : null,
                new Dateline("LONDON", source), random.nextInt(5) == 0 ? "fr" : "en", List.of(), null, null, "test-1", now,
                tags, entities, Dedup.originalOf(id, "hash-" + id), "story-" + id, extraction(random));
    }

    /** None (not a web page) for a third; else any method, with a confidence often exactly a likely bound. */
    private static Extraction extraction(Random random) {
        if (random.nextInt(3) == 0) {
            return null;
        }
        return new Extraction(pick(random, List.of(Extraction.Method.values())), confidenceBound(random));
    }

    /** A confidence or a bound on it: the round values both sides use, or any number from 0 to 1. */
    public static double confidenceBound(Random random) {
        return random.nextBoolean() ? pick(random, List.of(0.0, 0.2, 0.3, 0.5, 0.6, 0.7, 1.0)) : random.nextDouble();
    }

    /** A random query text over {@code articles}' words (phrases are cut from them, so some match). */
    public static String query(Random random, List<ArticleEnriched> articles) {
        return query(random, articles, 0);
    }

    private static String query(Random random, List<ArticleEnriched> articles, int depth) {
        int parts = 1 + random.nextInt(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            out.add(switch (random.nextInt(depth < 2 ? 9 : 6)) {
                case 0, 1 -> pick(random, WORDS);
                case 2 -> "\"" + phrase(random, articles) + "\"";
                case 3 -> prefix(random);
                case 4 -> (random.nextBoolean() ? "-" : "NOT ") + pick(random, WORDS);
                case 5 -> pick(random, List.of("OR", "AND", "|", "+", ")", "(", "~2", "*", "\""));
                case 6 -> pick(random, WORDS) + (random.nextBoolean() ? " OR " : " | ") + pick(random, WORDS);
                case 7 -> "(" + query(random, articles, depth + 1) + ")";
                default -> "-(" + query(random, articles, depth + 1) + ")";
            });
        }
        return String.join(" ", out);
    }

    /** {@code value} as is, in lower case or in upper case. */
    public static String cased(Random random, String value) {
        return switch (random.nextInt(3)) {
            case 0 -> value.toLowerCase(Locale.ROOT);
            case 1 -> value.toUpperCase(Locale.ROOT);
            default -> value;
        };
    }

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String sentence(Random random, int words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            out.add(pick(random, WORDS));
        }
        return String.join(" ", out);
    }

    private static String phrase(Random random, List<ArticleEnriched> articles) {
        ArticleEnriched article = pick(random, articles);
        String text = random.nextBoolean() ? article.headline() : pick(random, article.paragraphs());
        String[] words = text.replace(".", "").split(" ");
        int from = random.nextInt(words.length);
        int to = Math.min(words.length, from + 2 + random.nextInt(2));
        return String.join(" ", List.of(words).subList(from, to));
    }

    private static String prefix(Random random) {
        String word = pick(random, WORDS).replaceAll("[^\\p{L}\\p{N}]", "");
        return word.substring(0, Math.max(1, Math.min(word.length(), 3 + random.nextInt(4)))) + "*";
    }
}
