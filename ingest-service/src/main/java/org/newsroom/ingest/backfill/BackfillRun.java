package org.newsroom.ingest.backfill;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.ingest.intake.Receipts;

/**
 * Imports units one after the other and accounts for every item: an article is accepted only once Kafka
 * acknowledged it, an article whose id an earlier item of the run already had is counted as a duplicate
 * and not sent again, and everything else is a failure with its reason.
 */
final class BackfillRun {

    private final RawTopicProducer producer;
    private final Clock clock;
    private final Set<String> ids = new HashSet<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, BackfillSummary.Failures> failures = new ConcurrentHashMap<>();
    private long items;
    private long duplicates;

    BackfillRun(RawTopicProducer producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    BackfillSummary run(List<BackfillUnit> units, ProgressBar progress) {
        long start = System.nanoTime();
        long done = 0;
        for (BackfillUnit unit : units) {
            for (BackfillItem item : unit.read()) {
                take(item);
            }
            progress.update(++done, accepted.get());
        }
        producer.flush();
        progress.update(done, accepted.get());
        progress.finish();
        return new BackfillSummary(items, accepted.get(), duplicates, failed.get(), Map.copyOf(failures),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void take(BackfillItem item) {
        items++;
        switch (item) {
            case BackfillItem.Failure failure -> fail(failure.where(), failure.reason());
            case BackfillItem.Article article -> {
                ArticleReceived received = Receipts.received(article.article(), article.source(), clock.instant());
                if (!ids.add(received.articleId())) {
                    duplicates++;
                    return;
                }
                try {
                    producer.send(received, error -> {
                        if (error == null) {
                            accepted.incrementAndGet();
                        } else {
                            fail(article.where(), "not acknowledged by Kafka: " + error.getMessage());
                        }
                    });
                } catch (RuntimeException e) {
                    fail(article.where(), "could not be sent: " + e.getMessage());
                }
            }
        }
    }

    private void fail(String where, String reason) {
        failed.incrementAndGet();
        failures.merge(reason, new BackfillSummary.Failures(1, where),
                (known, more) -> new BackfillSummary.Failures(known.count() + 1, known.example()));
    }
}
