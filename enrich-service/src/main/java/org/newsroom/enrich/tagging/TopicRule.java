package org.newsroom.enrich.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Tag;

/**
 * One readable rule of the rules file: the topic fires when every {@code all} term occurs, {@code any}
 * terms occur at least {@code min} times in total, any listed entity is named, and no {@code none} term
 * occurs. Empty conditions hold.
 */
public record TopicRule(String id, String label, String scheme, List<ArticleText.Term> any,
                        List<ArticleText.Term> all, List<ArticleText.Term> none, List<String> entities, int min,
                        double score) {

    public TopicRule {
        any = List.copyOf(any);
        all = List.copyOf(all);
        none = List.copyOf(none);
        entities = List.copyOf(entities);
    }

    /** The tag this rule gives the article, with what fired it, if it fires. */
    Optional<Tag> apply(ArticleText text, List<Entity> named) {
        List<String> evidence = new ArrayList<>();
        for (ArticleText.Term term : none) {
            if (text.count(term) > 0) {
                return Optional.empty();
            }
        }
        for (ArticleText.Term term : all) {
            int n = text.count(term);
            if (n == 0) {
                return Optional.empty();
            }
            evidence.add(hit(term, n));
        }
        int anyHits = 0;
        for (ArticleText.Term term : any) {
            int n = text.count(term);
            if (n > 0) {
                anyHits += n;
                evidence.add(hit(term, n));
            }
        }
        if (!any.isEmpty() && anyHits < Math.max(1, min)) {
            return Optional.empty();
        }
        if (!entities.isEmpty()) {
            Optional<Entity> entity = named.stream().filter(this::listed).findFirst();
            if (entity.isEmpty()) {
                return Optional.empty();
            }
            evidence.add("entity " + entity.get().id() + " (" + entity.get().name() + ")");
        }
        evidence.add("rule " + id);
        return Optional.of(new Tag(id, label, scheme, score, evidence));
    }

    private boolean listed(Entity e) {
        return entities.stream().anyMatch(x -> x.equalsIgnoreCase(e.id()) || x.equalsIgnoreCase(e.name()));
    }

    private static String hit(ArticleText.Term term, int n) {
        return "term '" + term.text() + "' x" + n;
    }
}
