package org.newsroom.enrich.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.normalising.ArticleTokens;

/**
 * Taxonomy tagging: IPTC Media Topics whose label the article repeats, topics of the rules file, and for
 * every IPTC topic found its broader topics up to the top of the tree (a story on diplomacy is also one on
 * international relations and on politics). The rules are fetched per article, so an edited file applies
 * to the next article.
 */
public final class TopicTagger {

    private static final int[] NONE = new int[0];
    /** A broader topic is a little less certain than the narrower one that implied it. */
    private static final double BROADER_DISCOUNT = 0.9;

    private final MediaTopics iptc;
    private final Supplier<TopicRules.Parsed> rules;
    /** The IPTC labels that read as plain phrases, each as the words looked for (worked out once), in file order. */
    private final List<LabelPhrase> labelPhrases;
    /**
     * Which of them (positions in {@code labelPhrases}) begin with a word: an article is searched only for the
     * labels whose first word it has, a few of some thousand.
     */
    private final Map<String, int[]> labelsByFirstWord;

    private record LabelPhrase(MediaTopics.Concept concept, List<String> phrase) {
    }

    public TopicTagger(MediaTopics iptc, Supplier<TopicRules.Parsed> rules) {
        this.iptc = iptc;
        this.rules = rules;
        this.labelPhrases = iptc.concepts().stream()
                .filter(c -> !c.label().contains("(") && !c.label().contains(","))
                .map(c -> new LabelPhrase(c, ArticleText.phrase(c.label())))
                .filter(l -> !l.phrase().isEmpty())
                .toList();
        Map<String, List<Integer>> byFirstWord = new HashMap<>();
        for (int i = 0; i < labelPhrases.size(); i++) {
            byFirstWord.computeIfAbsent(labelPhrases.get(i).phrase().getFirst(), w -> new ArrayList<>()).add(i);
        }
        this.labelsByFirstWord = new HashMap<>();
        byFirstWord.forEach((word, labels) -> labelsByFirstWord.put(word,
                labels.stream().mapToInt(Integer::intValue).toArray()));
    }

    public List<Tag> tags(String headline, String body, List<Entity> entities) {
        return tags(ArticleTokens.of(headline, body), entities);
    }

    public List<Tag> tags(ArticleTokens tokens, List<Entity> entities) {
        ArticleText text = ArticleText.of(tokens);
        TopicRules.Parsed current = rules.get();
        Map<String, Tag> found = new LinkedHashMap<>();
        if (current.labelMinMentions() > 0) {
            labelMatches(text, current.labelMinMentions()).forEach(t -> merge(found, t));
        }
        for (TopicRule rule : current.rules()) {
            rule.apply(text, entities).ifPresent(t -> merge(found, t));
        }
        for (Tag tag : List.copyOf(found.values())) {
            if (MediaTopics.SCHEME.equals(tag.scheme())) {
                double score = tag.score();
                for (MediaTopics.Concept parent : iptc.ancestors(tag.id())) {
                    score *= BROADER_DISCOUNT;
                    merge(found, new Tag(parent.id(), parent.label(), MediaTopics.SCHEME, round(score),
                            List.of("broader topic of " + tag.id() + " (" + tag.label() + ")")));
                }
            }
        }
        return found.values().stream()
                .sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
    }

    /** Whether the rules in force test entities: see {@link TopicRules.Parsed#testsEntities}. */
    public boolean testsEntities() {
        return rules.get().testsEntities();
    }

    /**
     * IPTC labels that read as plain phrases ("diplomacy", "economic sanction") and recur in the text, in file
     * order: equally scored tags then keep one order.
     */
    private List<Tag> labelMatches(ArticleText text, int minMentions) {
        BitSet candidates = new BitSet(labelPhrases.size());
        for (String word : text.distinctWords()) {
            for (int label : labelsByFirstWord.getOrDefault(word, NONE)) {
                candidates.set(label);
            }
        }
        List<Tag> tags = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            LabelPhrase label = labelPhrases.get(i);
            MediaTopics.Concept c = label.concept();
            int n = text.countPhrase(label.phrase());
            if (n >= minMentions) {
                tags.add(new Tag(c.id(), c.label(), MediaTopics.SCHEME, round(Math.min(0.9, 0.5 + 0.1 * n)),
                        List.of("IPTC label '" + c.label() + "' x" + n)));
            }
        }
        return tags;
    }

    /** One tag per id: the higher score, and the evidence of both. */
    private static void merge(Map<String, Tag> found, Tag tag) {
        found.merge(tag.id(), tag, (a, b) -> {
            List<String> evidence = new ArrayList<>(a.evidence());
            b.evidence().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
            return new Tag(a.id(), a.label(), a.scheme(), Math.max(a.score(), b.score()), evidence);
        });
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
