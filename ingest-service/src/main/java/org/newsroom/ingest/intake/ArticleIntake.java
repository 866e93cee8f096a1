package org.newsroom.ingest.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.eventheaders.CorrelationContext;
import org.newsroom.ingest.metrics.IntakeMetrics;
import org.newsroom.ingest.metrics.IntakeMetrics.Outcome;
import org.newsroom.ingest.parsing.ParsedArticle;
import org.newsroom.ingest.publishing.ArticleReceivedPublisher;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(ArticleIntake.class);

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
        publish(articles);
        return articles;
    }

    /** Publishes events that already have their identity (each may name its own source). */
    public void publish(List<ArticleReceived> articles) throws PublishFailedException {
        if (articles.isEmpty()) {
            return;
        }
        try {
            publication.publish(articles);
        } catch (PublishFailedException e) {
            countBySource(Outcome.failed_publish, articles);
            throw e;
        }
        countBySource(Outcome.accepted, articles);
        articles.forEach(ArticleIntake::logPublished);
    }

    private static void logPublished(ArticleReceived article) {
        try (CorrelationContext ignored = CorrelationContext.of(article.correlationId())) {
            log.info("published article {} v{} from {} ({})", article.articleId(), article.version(),
                    article.source().name(), article.source().kind());
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** Counts input refused before publication: unreadable, too large, invalid. */
    public void rejected(Source source, int items) {
        metrics.count(Outcome.rejected, source.kind(), source.name(), items);
    }

    private void countBySource(Outcome outcome, List<ArticleReceived> articles) {
        articles.stream()
                .collect(Collectors.groupingBy(ArticleReceived::source, LinkedHashMap::new, Collectors.counting()))
                .forEach((source, count) -> metrics.count(outcome, source.kind(), source.name(), count.intValue()));
    }
}
