package org.newsroom.ingest.intake.feeds;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.IngestProperties.FeedSource;
import org.newsroom.ingest.intake.ArticleIntake;
import org.newsroom.ingest.intake.StorageHealth;
import org.newsroom.outbound.GuardedHttp;
import org.newsroom.outbound.OutboundSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Checks every few seconds which configured feeds are due (each keeps its own time) and polls them in turn, on a
 * thread of its own: the inbox scan runs on Spring's scheduler, which has one thread, and a slow feed must not hold
 * it. Each fetch ends within {@code ingest.feeds.total-timeout}, so one slow feed delays the others by that at most.
 */
@Component
class FeedSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

    private final IngestProperties.Feeds feeds;
    private final GuardedHttp http;
    private final FeedPoller poller;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService thread;
    private volatile boolean running;

    FeedSchedule(IngestProperties properties, ArticleIntake intake, StorageHealth storage) {
        this.feeds = properties.feeds();
        long maxBytes = properties.maxFileSize().toBytes();
        this.http = new GuardedHttp(new OutboundSettings(feeds.timeout(), feeds.timeout(), feeds.totalTimeout(), maxBytes,
                feeds.maxRedirects(), feeds.allow()));
        this.poller = new FeedPoller(intake, feeds.stateDir(), feeds.interval(), feeds.maxBackoff(), http, maxBytes,
                properties.maxItems(), storage);
    }

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

    @Override
    public synchronized void start() {
        running = true;
        if (thread == null && !feeds.sources().isEmpty()) {
            thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("feed-poller").factory());
            thread.scheduleWithFixedDelay(this::pollDueFeeds, 0, feeds.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops polling for good; a fetch under way is cut off by closing its connection. */
    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.shutdownNow();
        }
        http.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
