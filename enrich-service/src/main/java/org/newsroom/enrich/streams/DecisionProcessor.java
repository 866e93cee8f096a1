package org.newsroom.enrich.streams;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.enrich.dedup.Bucket;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Decision;
import org.newsroom.enrich.dedup.Match;

/**
 * Keyed by article id: holds an article back until every bucket it entered has been checked, emits it with its
 * decision, and emits it again whenever a later match names an earlier canonical. An article's arrival is
 * committed to this step's input before any report about it can be (the bucket step reads committed data
 * only), so a report without a stored article means the article has left the window, and is dropped.
 */
final class DecisionProcessor implements Processor<String, DecisionInput, String, ArticleEnriched> {

    static final String DECISIONS = "dedup-decisions";

    private final DedupSettings settings;
    private final long windowMillis;
    private ProcessorContext<String, ArticleEnriched> context;
    private WindowStore<String, ArticleDecision> decisions;

    DecisionProcessor(DedupSettings settings, Duration window) {
        this.settings = settings;
        this.windowMillis = window.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, ArticleEnriched> context) {
        this.context = context;
        this.decisions = context.getStateStore(DECISIONS);
    }

    @Override
    public void process(Record<String, DecisionInput> record) {
        Optional<ArticleDecision> known = latest(record.key(), record.timestamp());
        Optional<ArticleDecision> next = switch (record.value()) {
            // A redelivery keeps its decision; a correction (higher version) has new text and is decided afresh.
            case DecisionInput.Arrived arrived -> Optional.of(new ArticleDecision(arrived.article(),
                    known.filter(state -> state.article().version() >= arrived.article().version())
                            .map(ArticleDecision::decision).orElseGet(() -> Decision.originalOf(arrived.fingerprint())),
                    known.map(ArticleDecision::arrivedAt).orElse(record.timestamp()),
                    Bucket.of(arrived.fingerprint(), settings).size()));
            case DecisionInput.Checked checked -> known.map(state -> checked(state, checked));
            case DecisionInput.Matched matched -> known.flatMap(state -> state.decision().improvedBy(matched.match())
                    .map(state::with));
        };
        next.ifPresent(state -> {
            decisions.put(record.key(), state, state.arrivedAt());
            if (state.uncheckedBuckets() == 0) {
                context.forward(record.withValue(state.decided()));
            }
        });
    }

    private static ArticleDecision checked(ArticleDecision state, DecisionInput.Checked checked) {
        Decision decision = state.decision();
        for (Match match : checked.matches()) {
            decision = decision.improvedBy(match).orElse(decision);
        }
        return new ArticleDecision(state.article(), decision, state.arrivedAt(),
                state.uncheckedBuckets() - checked.buckets());
    }

    private Optional<ArticleDecision> latest(String articleId, long now) {
        try (WindowStoreIterator<ArticleDecision> states =
                     decisions.backwardFetch(articleId, now - windowMillis, now + windowMillis)) {
            return states.hasNext() ? Optional.of(states.next().value) : Optional.empty();
        }
    }
}
