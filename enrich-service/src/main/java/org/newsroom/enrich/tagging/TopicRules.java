package org.newsroom.enrich.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Parses the rules file (YAML): {@code label-matching} settings for IPTC labels and a list of {@code topics}.
 * A topic whose id is an IPTC qcode ({@code medtop:...}) takes its label from IPTC and joins its tree;
 * any other id is a user topic in scheme {@code newsroom} unless the rule names another.
 */
public final class TopicRules {

    /** Parsed rules, plus how many mentions an IPTC label needs to fire on its own (0 = off). */
    public record Parsed(List<TopicRule> rules, int labelMinMentions) {

        /**
         * Whether any rule tests entities (an {@code entities:} condition): only then can whom an article's names
         * denote change its topics. Asked only for a revision whose entities changed, over a handful of rules.
         */
        public boolean testsEntities() {
            return rules.stream().anyMatch(rule -> !rule.entities().isEmpty());
        }
    }

    private TopicRules() {
    }

    public static Parsed parse(String yaml, MediaTopics iptc) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(loaded instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("rules file must be a YAML mapping with a 'topics' list");
        }
        List<TopicRule> rules = new ArrayList<>();
        for (Object item : list(root.get("topics"))) {
            if (!(item instanceof Map<?, ?> topic) || topic.get("id") == null) {
                throw new IllegalArgumentException("every topic needs an id: " + item);
            }
            rules.add(rule(topic, iptc));
        }
        Object labelMin = root.get("iptc-label-min-mentions");
        return new Parsed(List.copyOf(rules), labelMin == null ? 2 : ((Number) labelMin).intValue());
    }

    private static TopicRule rule(Map<?, ?> topic, MediaTopics iptc) {
        String id = String.valueOf(topic.get("id"));
        boolean isIptc = id.startsWith("medtop:");
        if (isIptc && iptc.concept(id).isEmpty()) {
            throw new IllegalArgumentException("unknown or retired IPTC Media Topic " + id);
        }
        String label = topic.get("label") != null ? String.valueOf(topic.get("label"))
                : isIptc ? iptc.concept(id).orElseThrow().label() : id;
        String scheme = topic.get("scheme") != null ? String.valueOf(topic.get("scheme"))
                : isIptc ? MediaTopics.SCHEME : "newsroom";
        int min = topic.get("min") instanceof Number n ? n.intValue() : 1;
        double score = topic.get("score") instanceof Number n ? n.doubleValue() : 0.9;
        return new TopicRule(id.toLowerCase(Locale.ROOT).equals(id) || isIptc ? id : id.toLowerCase(Locale.ROOT),
                label, scheme, terms(topic.get("any")), terms(topic.get("all")), terms(topic.get("none")),
                strings(topic.get("entities")), min, score);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static List<ArticleText.Term> terms(Object value) {
        return strings(value).stream().map(ArticleText.Term::of).toList();
    }
}
