package org.newsroom.enrich;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Enrichment;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.entities.EntityRecognizer;
import org.newsroom.enrich.entities.People;
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
 * <p>Stateless, so any thread or instance may run it: {@link #draft} answers from the article alone (people as
 * written, each article its own story) and gives the {@link Facts} that {@link Memory} takes. Who a person is and
 * which story an article joins are the memory task's answers (one {@link Memory}, one thread: streams.Remembering);
 * {@link #remembered} applies them to a draft, at arrival and again for each {@link Memory.Revision}.
 */
public final class Enricher {

    /** Until duplicate detection runs, every article is its own original, checked by nothing. */
    static final String NO_DEDUP = "none";

    /**
     * The capabilities enrichment runs, in this order; see {@code tagging.EnrichmentSteps} for defaults.
     *
     * @param memories a fresh memory with the same settings and idf, for the memory task to own
     */
    public record Steps(EntityRecognizer entities, TopicTagger topics, SubjectClassifier subjects,
                        PlaceTagger places, Supplier<Memory> memories) {
    }

    /**
     * An article enriched from itself alone, with what memory needs to answer for it and to re-answer later.
     *
     * @param article people as written, its own story, the placeholder duplicate decision
     * @param facts   what {@link Memory#see} takes; the memory task works them out again from the article and the
     *                memo ({@link #facts(ArticleEnriched, Instant, Memo)}), so they never travel
     */
    public record Draft(ArticleEnriched article, Memo memo, Facts facts) {
    }

    /**
     * What the memory task needs of a draft besides the article itself, and cannot work out again cheaply: the
     * names recognised in it (entity recognition is the costly part of the facts), to see it (and to restore it
     * after a restart), and to resolve its names again whenever memory revises whom they denote.
     *
     * @param recognised the names as written, which {@link #remembered} resolves
     * @param topicTags  how many of the draft's first tags are taxonomy topics ({@link TopicTagger}): the only
     *                   tags that may depend on people, through rules with an {@code entities:} condition
     */
    public record Memo(Recognised recognised, int topicTags) {
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

    /** The article from itself alone ({@link #draft}); anything logged carries its correlation id. */
    public ArticleEnriched enrich(ArticleReceived received) {
        return draft(received).article();
    }

    /** Anything logged while enriching carries the article's correlation id. */
    public Draft draft(ArticleReceived received) {
        try (CorrelationContext ignored = CorrelationContext.of(received.correlationId())) {
            return drafted(received);
        }
    }

    /** A fresh memory for the memory task, when this enricher recognises people and words (not a bare one). */
    public Optional<Memory> newMemory() {
        return steps == null ? Optional.empty() : Optional.of(steps.memories().get());
    }

    private Draft drafted(ArticleReceived received) {
        ArticleReceived article = TextNormaliser.normalised(received);
        Recognised recognised = new Recognised(List.of(), List.of());
        List<Entity> entities = List.of();
        List<Tag> tags = List.of();
        int topicTags = 0;
        ArticleTokens tokens = ArticleTokens.of(article.headline(), article.paragraphs());
        if (steps != null) {
            recognised = steps.entities().recognise(article.headline(), withDateline(article));
            entities = recognised.entities(People.Resolution.NONE);
            tags = new ArrayList<>(steps.topics().tags(tokens, entities));
            topicTags = tags.size();
            tags.addAll(steps.places().tags(entities));
            tags.addAll(steps.subjects().tags(tokens));
        }
        Enrichment enrichment = new Enrichment(enrichmentVersion, tags, entities,
                Dedup.originalOf(article.articleId(), NO_DEDUP), article.articleId());
        return new Draft(ArticleEnriched.of(article, enrichment, clock.instant()), new Memo(recognised, topicTags),
                facts(article, recognised, tokens));
    }

    /**
     * A draft with memory's answers: its people resolved and its story. Memory changes only people (places and
     * organisations are the article's own), so place tags (places only) and subjects (the text only) stay as
     * drafted. Topic rules read entities only through an {@code entities:} condition: the topic tags are worked
     * out again, with the rules in force, only when a rule has one and the article's entities changed. The shipped
     * rules have none, so the memory task normally runs no tagging at all.
     */
    public ArticleEnriched remembered(ArticleEnriched draft, Memo memo, People.Resolution people, String storyId) {
        ArticleEnriched article = storyId == null ? draft : draft.withStoryId(storyId);
        if (steps == null) {
            return article;
        }
        List<Entity> entities = memo.recognised().entities(people);
        if (entities.equals(draft.entities())) {
            return article;
        }
        List<Tag> tags = draft.tags();
        if (steps.topics().testsEntities()) {
            tags = new ArrayList<>(steps.topics().tags(draft.headline(), draft.body(), entities));
            tags.addAll(draft.tags().subList(memo.topicTags(), draft.tags().size()));
        }
        return article.withEntities(entities, tags);
    }

    /** What memory takes of an article, worked out as {@link #enrich} does (for evaluations and the memory task). */
    public Facts facts(ArticleReceived received) {
        return draft(received).facts();
    }

    /**
     * What memory takes of a drafted article, worked out again from the draft (its normalised headline and
     * paragraphs are those the draft was tokenised from) and the memo: equal to {@link Draft#facts}.
     *
     * @param time when the article was published, else received ({@link #when}): the draft does not keep the latter
     */
    public static Facts facts(ArticleEnriched draft, Instant time, Memo memo) {
        return new Facts(draft.articleId(), time, memo.recognised().named(),
                ArticleTokens.of(draft.headline(), draft.paragraphs()).document(), memo.recognised().ownKeys());
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
