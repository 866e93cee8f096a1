package org.newsroom.query.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.language.IndexedArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams: at most {@link LiveProperties#maxStreams()} in all and
 * {@link LiveProperties#maxStreamsPerClient()} per client. Every new article (all partitions, whichever replica
 * indexes it) is offered to each stream, which queues what its filter matches; nothing here ever waits for a client. A stream holds its
 * slots until its sender thread ends, so a client that stopped reading is charged until its last write fails.
 * {@code live.streams.dropped{reason}} counts the streams the service ended, {@code live.streams.open} the rest.
 */
@Component
public class LiveStreams {

    static final String DROPPED = "live.streams.dropped";
    static final String OPEN = "live.streams.open";

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final LiveProperties properties;
    private final MeterRegistry registry;
    private final Supplier<SseEmitter> emitters;
    /** The streams articles are offered to; a stream leaves it the moment it is closed. */
    private final Set<LiveSubscription> open = ConcurrentHashMap.newKeySet();
    /** The streams whose sender still runs, in all and per client; guarded by {@code this}. */
    private final Set<LiveSubscription> held = new HashSet<>();
    private final Map<String, Integer> heldByClient = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final LiveSubscription.Owner owner = new StreamOwner();
    private final ScheduledExecutorService watchdog;

    @Autowired
    public LiveStreams(LiveProperties properties, MeterRegistry registry) {
        this(properties, registry, () -> new SseEmitter(properties.timeout().toMillis()));
    }

    LiveStreams(LiveProperties properties, MeterRegistry registry, Supplier<SseEmitter> emitters) {
        this.properties = properties;
        this.registry = registry;
        this.emitters = emitters;
        // Exported at zero from the start, so an alert on their rate sees the first drop.
        for (LiveSubscription.Drop drop : LiveSubscription.Drop.values()) {
            dropped(drop);
        }
        Gauge.builder(OPEN, this, LiveStreams::openStreams).description("Live streams holding a connection")
                .register(registry);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("live-watchdog").factory());
        long period = Math.clamp(properties.sendTimeout().toMillis() / 4, 10, 1000);
        watchdog.scheduleWithFixedDelay(this::dropBlocked, period, period, TimeUnit.MILLISECONDS);
    }

    /** Opens a stream for {@code filter} charged to {@code client}, or refuses when a cap is reached. */
    public synchronized LiveSubscription open(LiveFilter filter, String client) {
        // the client's own cap first: a client that took many streams is told so, not sent to retry later
        if (heldByClient.getOrDefault(client, 0) >= properties.maxStreamsPerClient()) {
            throw new TooManyStreamsFromClientException(properties.maxStreamsPerClient());
        }
        if (held.size() >= properties.maxStreams()) {
            throw new TooManyStreamsException(properties.maxStreams());
        }
        LiveSubscription subscription = new LiveSubscription(ids.incrementAndGet(), client, filter, emitters.get(),
                properties, owner);
        held.add(subscription);
        heldByClient.merge(client, 1, Integer::sum);
        open.add(subscription);
        subscription.start();
        return subscription;
    }

    /** Streams holding a connection, including closed ones whose last write has not returned yet. */
    public synchronized int openStreams() {
        return held.size();
    }

    /** Whether any stream would be offered an article now. */
    boolean anyOpen() {
        return !open.isEmpty();
    }

    /** Offers new articles to every open stream (from {@link LiveArticlesListener}, which sees them all). */
    void offer(List<ArticleEnriched> articles) {
        if (open.isEmpty() || articles.isEmpty()) {
            return;
        }
        // each article is analysed once, then tested against every stream's query
        List<IndexedArticle> analysed = articles.stream().map(IndexedArticle::of).toList();
        List<LiveArticle> payloads = articles.stream().map(LiveArticle::of).toList();
        for (LiveSubscription subscription : open) {
            for (int i = 0; i < analysed.size(); i++) {
                subscription.offer(analysed.get(i), payloads.get(i));
            }
        }
    }

    @PreDestroy
    void closeAll() {
        watchdog.shutdownNow();
        closeOpen();
    }

    /** Closes every open stream; new ones may still be opened. */
    void closeOpen() {
        List.copyOf(open).forEach(LiveSubscription::close);
    }

    private void dropBlocked() {
        long now = System.nanoTime();
        for (LiveSubscription subscription : open) {
            if (subscription.sendingLongerThan(properties.sendTimeout(), now)) {
                subscription.drop(LiveSubscription.Drop.SEND_TIMEOUT);
            }
        }
    }

    private synchronized void release(LiveSubscription subscription) {
        held.remove(subscription);
        heldByClient.computeIfPresent(subscription.client(), (client, count) -> count > 1 ? count - 1 : null);
    }

    private Counter dropped(LiveSubscription.Drop drop) {
        return Counter.builder(DROPPED).description("Live streams ended by the service because the client fell behind")
                .tag("reason", drop.tag).register(registry);
    }

    private final class StreamOwner implements LiveSubscription.Owner {

        @Override
        public void closed(LiveSubscription subscription) {
            open.remove(subscription);
        }

        @Override
        public void dropped(LiveSubscription subscription, LiveSubscription.Drop drop) {
            LiveStreams.this.dropped(drop).increment();
            log.warn("Dropped live stream {} of {} because {}; other streams carry on", subscription.id(),
                    subscription.client(), drop.reason);
        }

        @Override
        public void ended(LiveSubscription subscription) {
            release(subscription);
        }
    }
}
