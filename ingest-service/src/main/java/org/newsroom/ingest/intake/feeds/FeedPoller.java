package org.newsroom.ingest.intake.feeds;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.IngestProperties.FeedSource;
import org.newsroom.ingest.intake.ArticleIntake;
import org.newsroom.ingest.intake.Documents;
import org.newsroom.ingest.intake.Receipts;
import org.newsroom.ingest.intake.StorageHealth;
import org.newsroom.ingest.parsing.ParsedArticle;
import org.newsroom.ingest.parsing.UnreadableDocumentException;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.newsroom.outbound.GuardedHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed at a time: fetches it conditionally, publishes the items not seen before, and only once
 * Kafka acknowledged them moves the feed's position (validators and seen ids) and saves it. Any failure
 * leaves the position where it was and pushes the next attempt back, doubling the wait each time. Fetches go
 * through {@code http}, whose total timeout bounds how long one feed can hold up the others.
 */
public final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedFetcher fetcher;
    private final FeedStates states;
    private final Documents documents;
    private final ArticleIntake intake;
    private final Duration interval;
    private final Duration maxBackoff;

    /** @param http the outbound guard feeds are fetched through; its response limit should be {@code maxBytes} */
    public FeedPoller(ArticleIntake intake, Path stateDir, Duration interval, Duration maxBackoff,
                      GuardedHttp http, long maxBytes, int maxItems, StorageHealth storage) {
        this.fetcher = new FeedFetcher(http);
        this.states = new FeedStates(stateDir, storage);
        this.documents = new Documents(maxBytes, maxItems);
        this.intake = intake;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
    }

    /** Polls the feed if it is due; returns how many new articles were published. */
    public int pollIfDue(FeedSource feed, Instant now) throws IOException {
        FeedState state = states.load(feed.name());
        if (!state.isDue(now)) {
            return 0;
        }
        try {
            return switch (fetcher.fetch(feed.url(), state)) {
                case FeedFetcher.Fetched.NotModified notModified -> {
                    states.save(feed.name(), state.notModified(now.plus(interval)));
                    yield 0;
                }
                case FeedFetcher.Fetched.Document document -> takeIn(feed, state, document, now);
            };
        } catch (IOException | UnreadableDocumentException | PublishFailedException e) {
            FeedState failed = state.failed(e.getMessage(), now, interval, maxBackoff);
            states.save(feed.name(), failed);
            log.warn("Feed {} failed ({} in a row), next attempt at {}: {}", feed.name(), failed.failures(),
                    failed.nextPollAt(), e.getMessage());
            return 0;
        }
    }

    private int takeIn(FeedSource feed, FeedState state, FeedFetcher.Fetched.Document document, Instant now)
            throws UnreadableDocumentException, PublishFailedException, IOException {
        Source source = new Source(feed.name(), SourceKind.feed, feed.url().toString());
        Documents.Read read = documents.read(feed.name(), document.content());
        List<ParsedArticle> fresh = read.articles().stream()
                .filter(article -> !state.seen().contains(Receipts.idOf(article, source)))
                .toList();
        List<ArticleReceived> published = intake.take(source, fresh);
        if (!read.failures().isEmpty()) {
            intake.rejected(source, read.failures().size());
            log.warn("Feed {}: refused {} item(s): {}", feed.name(), read.failures().size(), read.failures());
        }
        List<String> current = read.articles().stream().map(article -> Receipts.idOf(article, source)).toList();
        states.save(feed.name(), state.advanced(document.etag(), document.lastModified(), current, now.plus(interval)));
        if (!published.isEmpty()) {
            log.info("Feed {}: took in {} new article(s) of {}", feed.name(), published.size(), read.articles().size());
        }
        return published.size();
    }
}
