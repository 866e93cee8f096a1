package org.newsroom.enrich;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Enrichment;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.clustering.StoryClusterer;
import org.newsroom.enrich.entities.EntityRecognizer;
import org.newsroom.enrich.normalising.TextNormaliser;
import org.newsroom.enrich.tagging.PlaceTagger;
import org.newsroom.enrich.tagging.SubjectClassifier;
import org.newsroom.enrich.tagging.TopicTagger;
import org.newsroom.eventheaders.CorrelationContext;

/**
 * Turns a received article into an enriched one: normalised text, then what each capability decides:
 * entities, taxonomy topics, trained subjects, place tags and the story. Plain Java, driven by the Kafka
 * Streams topology at the edge, which also replaces the placeholder duplicate decision.
 */
public final class Enricher {

    /** Until duplicate detection runs, every article is its own original, checked by nothing. */
    static final String NO_DEDUP = "none";

    /** The capabilities enrichment runs, in this order; see {@code tagging.EnrichmentSteps} for defaults. */
    public record Steps(EntityRecognizer entities, TopicTagger topics, SubjectClassifier subjects,
                        PlaceTagger places, StoryClusterer stories) {
    }

    private final String enrichmentVersion;
    private final Clock clock;
    private final Steps steps;

    /** An enricher that only normalises: no tags, no entities, each article its own story. */
    public Enricher(String enrichmentVersion, Clock clock) {
        this(enrichmentVersion, clock, null);
    }

    public Enricher(String enrichmentVersion, Clock clock, Steps steps) {
        this.enrichmentVersion = enrichmentVersion;
        this.clock = clock;
        this.steps = steps;
    }

    /** Anything logged while enriching carries the article's correlation id. */
    public ArticleEnriched enrich(ArticleReceived received) {
        try (CorrelationContext ignored = CorrelationContext.of(received.correlationId())) {
            return enriched(received);
        }
    }

    private ArticleEnriched enriched(ArticleReceived received) {
        ArticleReceived article = TextNormaliser.normalised(received);
        List<Entity> entities = steps == null ? List.of()
                : steps.entities().entities(article.headline(), withDateline(article));
        List<Tag> tags = steps == null ? List.of() : tags(article, entities);
        String storyId = steps == null ? article.articleId() : steps.stories().assign(article.articleId(),
                when(article), article.headline(), article.body(), entities);
        Enrichment enrichment = new Enrichment(enrichmentVersion, tags, entities,
                Dedup.originalOf(article.articleId(), NO_DEDUP), storyId);
        return ArticleEnriched.of(article, enrichment, clock.instant());
    }

    private List<Tag> tags(ArticleReceived article, List<Entity> entities) {
        List<Tag> tags = new ArrayList<>(steps.topics().tags(article.headline(), article.body(), entities));
        tags.addAll(steps.places().tags(entities));
        tags.addAll(steps.subjects().tags(article.headline(), article.body()));
        return tags;
    }

    /** A dateline's place ("MOSCOW") is a mention like any other. */
    private static List<String> withDateline(ArticleReceived article) {
        if (article.dateline() == null || article.dateline().location() == null) {
            return article.paragraphs();
        }
        List<String> texts = new ArrayList<>();
        texts.add(article.dateline().location() + ".");
        texts.addAll(article.paragraphs());
        return texts;
    }

    /** Stories group by when things were published; an article without a date counts from its receipt. */
    private static Instant when(ArticleReceived article) {
        return article.publishedAt() != null ? article.publishedAt() : article.occurredAt();
    }
}
