package org.newsroom.ingest.intake.feeds;

import java.io.IOException;
import java.time.Clock;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.IngestProperties.FeedSource;
import org.newsroom.ingest.intake.ArticleIntake;
import org.newsroom.ingest.intake.StorageHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks every few seconds which configured feeds are due (each keeps its own time) and polls them in turn. */
@Component
class FeedSchedule {

    private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

    private final IngestProperties.Feeds feeds;
    private final FeedPoller poller;
    private final Clock clock = Clock.systemUTC();

    FeedSchedule(IngestProperties properties, ArticleIntake intake, StorageHealth storage) {
        this.feeds = properties.feeds();
        this.poller = new FeedPoller(intake, feeds.stateDir(), feeds.interval(), feeds.maxBackoff(), feeds.timeout(),
                properties.maxFileSize().toBytes(), properties.maxItems(), storage);
    }

    @Scheduled(fixedDelayString = "${ingest.feeds.check-interval:5s}")
    void pollDueFeeds() {
        for (FeedSource feed : feeds.sources()) {
            try {
                poller.pollIfDue(feed, clock.instant());
            } catch (IOException e) {
                log.warn("Feed {} could not be polled (state unreadable or unwritable): {}", feed.name(), e.getMessage());
            } catch (RuntimeException e) {
                // e.g. a URL the HTTP client cannot fetch; the other feeds are still polled.
                log.warn("Feed {} could not be polled: {}", feed.name(), e.toString());
            }
        }
    }
}
