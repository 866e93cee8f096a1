package org.newsroom.enrich.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Enrichment;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.SeedArticles;

class TagRoutesTests {

    private static ArticleEnriched taggedWith(Tag... tags) {
        return ArticleEnriched.of(SeedArticles.article("a1", "h", List.of("p"), null),
                new Enrichment("v", List.of(tags), List.of(), Dedup.originalOf("a1", "none"), "a1"), Instant.now());
    }

    private static Tag tag(String label, String scheme) {
        return new Tag(scheme + ":" + label, label, scheme, 0.9, List.of("test"));
    }

    @Test
    void routesEveryTagOfTheRoutedSchemesToItsSlugTopic() {
        TagRoutes routes = new TagRoutes(List.of("*"), List.of("place", "newsroom"));
        assertThat(routes.topicsOf(taggedWith(tag("Venezuela", "place"), tag("United States", "place"),
                tag("Mergers & acquisitions", "newsroom"), tag("crude", "reuters-topic"))))
                .containsExactly("articles.tag.venezuela.v1", "articles.tag.united-states.v1",
                        "articles.tag.mergers-acquisitions.v1");
    }

    @Test
    void routesOnlyTheListedTagsWhenTheyAreNamed() {
        TagRoutes routes = new TagRoutes(List.of("venezuela", "crude"), List.of());
        assertThat(routes.topicsOf(taggedWith(tag("Venezuela", "place"), tag("Russia", "place"),
                tag("crude", "reuters-topic")))).containsExactly("articles.tag.venezuela.v1", "articles.tag.crude.v1");
    }
}
