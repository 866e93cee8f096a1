package org.newsroom.ingest.intake;

import java.time.Clock;
import java.util.List;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.ingest.metrics.IntakeMetrics;
import org.newsroom.ingest.metrics.IntakeMetrics.Outcome;
import org.newsroom.ingest.parsing.ParsedArticle;
import org.newsroom.ingest.publishing.ArticleReceivedPublisher;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one way every intake path hands articles on: each gets its identity and source, all are published,
 * and the call returns only once Kafka acknowledged them, so the caller may then let go of its input.
 */
@Component
public class ArticleIntake {

    /** Publishes and returns once every article was acknowledged. */
    @FunctionalInterface
    public interface Publication {
        void publish(List<ArticleReceived> articles) throws PublishFailedException;
    }

    private final Publication publication;
    private final IntakeMetrics metrics;
    private final Clock clock;

    @Autowired
    ArticleIntake(ArticleReceivedPublisher publisher, IntakeMetrics metrics) {
        this(publisher::publish, metrics, Clock.systemUTC());
    }

    public ArticleIntake(Publication publication, IntakeMetrics metrics, Clock clock) {
        this.publication = publication;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The published events, in input order, once Kafka acknowledged all of them. */
    public List<ArticleReceived> take(Source source, List<ParsedArticle> parsed) throws PublishFailedException {
        List<ArticleReceived> articles = parsed.stream()
                .map(article -> Receipts.received(article, source, clock.instant()))
                .toList();
        if (articles.isEmpty()) {
            return articles;
        }
        try {
            publication.publish(articles);
        } catch (PublishFailedException e) {
            metrics.count(Outcome.failed_publish, source.kind(), source.name(), articles.size());
            throw e;
        }
        metrics.count(Outcome.accepted, source.kind(), source.name(), articles.size());
        return articles;
    }

    /** Counts input refused before publication: unreadable, too large, invalid. */
    public void rejected(Source source, int items) {
        metrics.count(Outcome.rejected, source.kind(), source.name(), items);
    }
}
