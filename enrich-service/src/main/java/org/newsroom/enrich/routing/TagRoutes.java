package org.newsroom.enrich.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Tag;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.normalising.Slugs;

/**
 * Which per-tag topics an enriched article goes to: one per routed tag, named
 * {@code articles.tag.<slug>.v1} after the tag's label ("United States" is {@code united-states}).
 * {@code routedTags} lists slugs, or {@code *} for every tag of the {@code routedSchemes}.
 */
public final class TagRoutes {

    private final Set<String> routedTags;
    private final Set<String> routedSchemes;

    public TagRoutes(List<String> routedTags, List<String> routedSchemes) {
        this.routedTags = Set.copyOf(routedTags);
        this.routedSchemes = Set.copyOf(routedSchemes);
    }

    public List<String> topicsOf(ArticleEnriched article) {
        return topicsOf(article.tags());
    }

    public List<String> topicsOf(List<Tag> tags) {
        if (routedTags.isEmpty()) {
            return List.of();
        }
        Set<String> topics = new LinkedHashSet<>();
        for (Tag tag : tags) {
            String slug = Slugs.of(tag.label() == null ? tag.id() : tag.label());
            boolean routed = routedTags.contains(slug) || routedTags.contains("*") && routedSchemes.contains(tag.scheme());
            if (routed && !slug.isEmpty()) {
                topics.add(Topics.tagTopic(slug));
            }
        }
        return List.copyOf(topics);
    }
}
