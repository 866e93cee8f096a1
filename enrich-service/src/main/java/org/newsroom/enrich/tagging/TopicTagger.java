package org.newsroom.enrich.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Tag;

/**
 * Taxonomy tagging: IPTC Media Topics whose label the article repeats, topics of the rules file, and for
 * every IPTC topic found its broader topics up to the top of the tree (a story on diplomacy is also one on
 * international relations and on politics). The rules are fetched per article, so an edited file applies
 * to the next article.
 */
public final class TopicTagger {

    /** A broader topic is a little less certain than the narrower one that implied it. */
    private static final double BROADER_DISCOUNT = 0.9;

    private final MediaTopics iptc;
    private final Supplier<TopicRules.Parsed> rules;
    /** The IPTC labels that read as plain phrases, each as the words looked for (worked out once). */
    private final List<LabelPhrase> labelPhrases;

    private record LabelPhrase(MediaTopics.Concept concept, String phrase) {
    }

    public TopicTagger(MediaTopics iptc, Supplier<TopicRules.Parsed> rules) {
        this.iptc = iptc;
        this.rules = rules;
        this.labelPhrases = iptc.concepts().stream()
                .filter(c -> !c.label().contains("(") && !c.label().contains(","))
                .map(c -> new LabelPhrase(c, ArticleText.phrase(c.label())))
                .toList();
    }

    public List<Tag> tags(String headline, String body, List<Entity> entities) {
        ArticleText text = ArticleText.of(headline, body);
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

    /**
     * Whether the rules in force test entities (an {@code entities:} condition): only then can whom an article's
     * names denote change its topics.
     */
    public boolean testsEntities() {
        return rules.get().rules().stream().anyMatch(rule -> !rule.entities().isEmpty());
    }

    /** IPTC labels that read as plain phrases ("diplomacy", "economic sanction") and recur in the text. */
    private List<Tag> labelMatches(ArticleText text, int minMentions) {
        List<Tag> tags = new ArrayList<>();
        for (LabelPhrase label : labelPhrases) {
            MediaTopics.Concept c = label.concept();
            int n = text.countPhrase(label.phrase());
            if (n >= minMentions) {
                tags.add(new Tag(c.id(), c.label(), MediaTopics.SCHEME, round(Math.min(0.9, 0.5 + 0.1 * n)),
                        List.of(String.format(Locale.ROOT, "IPTC label '%s' x%d", c.label(), n))));
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
