package org.newsroom.query.live;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.indexing.ArticlesIndexed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The open live streams, at most {@link LiveProperties#maxStreams()} at a time. Every batch the indexer has
 * durably written is offered to each stream, which keeps the articles its filter matches.
 */
@Component
public class LiveStreams {

    private final LiveProperties properties;
    private final Set<LiveSubscription> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    public LiveStreams(LiveProperties properties) {
        this.properties = properties;
    }

    /** Opens a stream for {@code filter}, or refuses when the cap is reached. */
    public synchronized LiveSubscription open(LiveFilter filter) {
        if (open.size() >= properties.maxStreams()) {
            throw new TooManyStreamsException(properties.maxStreams());
        }
        LiveSubscription subscription = new LiveSubscription(ids.incrementAndGet(), filter, properties, open::remove);
        open.add(subscription);
        subscription.start();
        return subscription;
    }

    public int openStreams() {
        return open.size();
    }

    @EventListener
    void on(ArticlesIndexed indexed) {
        List<ArticleEnriched> articles = indexed.articles();
        for (LiveSubscription subscription : open) {
            articles.forEach(subscription::offer);
        }
    }

    @PreDestroy
    void closeAll() {
        List.copyOf(open).forEach(LiveSubscription::close);
    }
}
