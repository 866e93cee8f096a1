package org.newsroom.query.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.newsroom.contracts.ArticleEnriched;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. Matching articles are queued by the indexing thread and written by the stream's own
 * sender thread, so a slow or vanished client never holds up indexing; a client that falls a whole queue
 * behind is disconnected (its EventSource reconnects), and a failed write or heartbeat ends the stream.
 */
public final class LiveSubscription {

    private final LiveFilter.Matcher matcher;
    private final SseEmitter emitter;
    private final BlockingQueue<LiveArticle> queue;
    private final LiveProperties properties;
    private final Consumer<LiveSubscription> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread sender;

    LiveSubscription(long id, LiveFilter filter, LiveProperties properties, Consumer<LiveSubscription> onClose) {
        this.matcher = filter.matcher();
        this.emitter = new SseEmitter(properties.timeout().toMillis());
        this.queue = new ArrayBlockingQueue<>(properties.queueSize());
        this.properties = properties;
        this.onClose = onClose;
        this.sender = Thread.ofPlatform().daemon().name("live-stream-" + id).unstarted(this::sendUntilClosed);
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
    }

    void start() {
        sender.start();
    }

    public SseEmitter emitter() {
        return emitter;
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Queues the article if it matches; called on the indexing thread, so it never blocks. */
    void offer(ArticleEnriched article) {
        if (isOpen() && matcher.matches(article) && !queue.offer(LiveArticle.of(article))) {
            close();
        }
    }

    public void close() {
        if (closed.compareAndSet(false, true)) {
            sender.interrupt();
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // the container completed it first (client gone or timeout): nothing left to do
            }
            onClose.accept(this);
        }
    }

    private void sendUntilClosed() {
        try {
            emitter.send(SseEmitter.event().name("ready").data(matcher.filter(), MediaType.APPLICATION_JSON));
            while (isOpen()) {
                LiveArticle next = queue.poll(properties.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } else {
                    emitter.send(SseEmitter.event().name("article").id(next.id()).data(next, MediaType.APPLICATION_JSON));
                }
            }
        } catch (IOException | IllegalStateException clientGone) {
            // a write failed or the response is already complete: the client disconnected
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }
}
