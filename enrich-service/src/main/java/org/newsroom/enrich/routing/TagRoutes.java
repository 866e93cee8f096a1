package org.newsroom.enrich.routing;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Tag;
import org.newsroom.contracts.Topics;

/**
 * Which per-tag topics an enriched article goes to: one per routed tag, named
 * {@code articles.tag.<slug>.v1} after the tag's label ("United States" is {@code united-states}).
 * {@code routedTags} lists slugs, or {@code *} for every tag of the {@code routedSchemes}.
 */
public final class TagRoutes {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern OTHERS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern ENDS = Pattern.compile("^-|-$");

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
            String slug = slug(tag.label() == null ? tag.id() : tag.label());
            boolean routed = routedTags.contains(slug) || routedTags.contains("*") && routedSchemes.contains(tag.scheme());
            if (routed && !slug.isEmpty()) {
                topics.add(Topics.tagTopic(slug));
            }
        }
        return List.copyOf(topics);
    }

    /**
     * The label folded to lower-case ASCII letters and digits, runs of anything else one hyphen. Every published
     * article's tags are slugged; the regular expressions are needed only for a label with non-ASCII characters.
     */
    public static String slug(String label) {
        StringBuilder slug = new StringBuilder(label.length());
        boolean gap = false;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c >= 0x80) {
                return foldedSlug(label);
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && !slug.isEmpty()) {
                    slug.append('-');
                }
                slug.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return slug.toString();
    }

    private static String foldedSlug(String label) {
        return MARKS.matcher(Normalizer.normalize(label, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT)
                .transform(text -> OTHERS.matcher(text).replaceAll("-")).transform(text -> ENDS.matcher(text).replaceAll(""));
    }
}
