package org.newsroom.enrich;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Enrichment;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.entities.EntityRecognizer;
import org.newsroom.enrich.entities.Recognised;
import org.newsroom.enrich.memory.Facts;
import org.newsroom.enrich.memory.Memory;
import org.newsroom.enrich.normalising.ArticleTokens;
import org.newsroom.enrich.normalising.TextNormaliser;
import org.newsroom.enrich.tagging.PlaceTagger;
import org.newsroom.enrich.tagging.SubjectClassifier;
import org.newsroom.enrich.tagging.TopicTagger;
import org.newsroom.eventheaders.CorrelationContext;

/**
 * Turns a received article into an enriched one: normalised text, then what each capability decides:
 * entities, taxonomy topics, trained subjects, place tags and the story. Plain Java, driven by the Kafka
 * Streams topology at the edge, which also replaces the placeholder duplicate decision.
 *
 * <p>Who a person is and which story an article joins come from {@link Memory}: what the other articles in the
 * window named and said. Both answers are functions of the set of articles, not of their order, and each new
 * article may revise answers given earlier ({@link Memory.Revision}). Until the memory
 * task of the topology exists (docs/enrich-redesign.md, stage 4b), the memory lives here, in process, and those
 * revisions are not emitted: an earlier article keeps the answer it was published with.
 */
public final class Enricher {

    /** Until duplicate detection runs, every article is its own original, checked by nothing. */
    static final String NO_DEDUP = "none";

    /** The capabilities enrichment runs, in this order; see {@code tagging.EnrichmentSteps} for defaults. */
    public record Steps(EntityRecognizer entities, TopicTagger topics, SubjectClassifier subjects,
                        PlaceTagger places, Memory memory) {
    }

    private final String enrichmentVersion;
    private final Clock clock;
    private final Steps steps;
    /**
     * The stream threads share one memory until it moves into its own single task; the memory itself is not
     * thread-safe. Only remembering takes the lock, not recognising, tagging or classifying.
     */
    private final ReentrantLock remembering = new ReentrantLock();

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
        List<Entity> entities = List.of();
        List<Tag> tags = List.of();
        String storyId = article.articleId();
        if (steps != null) {
            ArticleTokens tokens = ArticleTokens.of(article.headline(), article.paragraphs());
            Recognised recognised = steps.entities().recognise(article.headline(), withDateline(article));
            Memory.Answer answer = remember(facts(article, recognised, tokens));
            entities = recognised.entities(answer.people());
            tags = tags(tokens, entities);
            storyId = answer.storyId();
        }
        Enrichment enrichment = new Enrichment(enrichmentVersion, tags, entities,
                Dedup.originalOf(article.articleId(), NO_DEDUP), storyId);
        return ArticleEnriched.of(article, enrichment, clock.instant());
    }

    /** Revisions of earlier articles are dropped here: nothing emits them before the memory task exists. */
    private Memory.Answer remember(Facts facts) {
        remembering.lock();
        try {
            return steps.memory().see(facts);
        } finally {
            remembering.unlock();
        }
    }

    private List<Tag> tags(ArticleTokens tokens, List<Entity> entities) {
        List<Tag> tags = new ArrayList<>(steps.topics().tags(tokens, entities));
        tags.addAll(steps.places().tags(entities));
        tags.addAll(steps.subjects().tags(tokens));
        return tags;
    }

    /** What memory takes of an article, worked out as {@link #enrich} does (for evaluations and the memory task). */
    public Facts facts(ArticleReceived received) {
        ArticleReceived article = TextNormaliser.normalised(received);
        return facts(article, steps.entities().recognise(article.headline(), withDateline(article)),
                ArticleTokens.of(article.headline(), article.paragraphs()));
    }

    /** The people as written, content words with the headline counted twice, the entity ids it gives by itself. */
    static Facts facts(ArticleReceived article, Recognised recognised, ArticleTokens tokens) {
        return new Facts(article.articleId(), when(article), recognised.named(), tokens.document(),
                recognised.ownKeys());
    }

    /** A dateline's place ("MOSCOW") is a mention like any other. */
    static List<String> withDateline(ArticleReceived article) {
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
