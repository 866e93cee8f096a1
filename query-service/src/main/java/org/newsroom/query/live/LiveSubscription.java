package org.newsroom.query.live;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsroom.query.language.IndexedArticle;
import org.newsroom.query.language.QueryMatcher;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. The indexing thread only queues matching articles, never waiting; the stream's own sender
 * thread is the only one that touches the response, so a client that stops reading costs its own stream alone.
 * A stream is dropped when its queue overflows or one write blocks past {@link LiveProperties#sendTimeout()};
 * a failed write or heartbeat ends it too. The browser's EventSource reconnects by itself.
 */
public final class LiveSubscription {

    /** Why the service, rather than the client, ended a stream. */
    enum Drop {
        OVERFLOW("overflow", "it fell a whole queue behind"),
        SEND_TIMEOUT("send-timeout", "a write to it blocked too long");

        final String tag;
        final String reason;

        Drop(String tag, String reason) {
            this.tag = tag;
            this.reason = reason;
        }
    }

    /** What the registry of streams hears from a stream; called on whichever thread ends it, so never blocking. */
    interface Owner {

        /** Offer it no more articles. */
        void closed(LiveSubscription subscription);

        void dropped(LiveSubscription subscription, Drop drop);

        /** Its sender has stopped: the stream no longer holds a thread or a connection slot. */
        void ended(LiveSubscription subscription);
    }

    private final long id;
    private final String client;
    private final LiveFilter filter;
    private final QueryMatcher matcher;
    private final SseEmitter emitter;
    private final BlockingQueue<LiveArticle> queue;
    private final Duration heartbeat;
    private final Owner owner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread sender;
    /** {@link System#nanoTime()} when the write in progress began; 0 between writes. */
    private volatile long sendingSince;

    LiveSubscription(long id, String client, LiveFilter filter, SseEmitter emitter, LiveProperties properties,
                     Owner owner) {
        this.id = id;
        this.client = client;
        this.filter = filter;
        this.matcher = filter.matcher();
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(properties.queueSize());
        this.heartbeat = properties.heartbeat();
        this.owner = owner;
        // A platform thread: Tomcat blocks a write in Object.wait, which pins a virtual thread's carrier on Java 21.
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

    long id() {
        return id;
    }

    /** The user or address the stream is charged to. */
    String client() {
        return client;
    }

    /** Queues {@code payload} if {@code article} matches; called on the indexing thread, so it never blocks. */
    void offer(IndexedArticle article, LiveArticle payload) {
        if (isOpen() && matcher.matches(article) && !queue.offer(payload)) {
            drop(Drop.OVERFLOW);
        }
    }

    boolean sendingLongerThan(Duration limit, long nanoTime) {
        long since = sendingSince;
        return since != 0 && nanoTime - since > limit.toNanos();
    }

    /** Ends the stream on the service's initiative; counted and logged by the owner, once. */
    void drop(Drop drop) {
        if (closed.compareAndSet(false, true)) {
            owner.dropped(this, drop);
            stop();
        }
    }

    /**
     * Ends the stream. Never touches the response: a write blocked on this client holds the emitter's lock, and
     * whoever waited for it (the indexing thread, a watchdog) would be stuck too. The sender completes it.
     */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop();
        }
    }

    private void stop() {
        owner.closed(this);
        queue.clear();
        sender.interrupt();
    }

    private void sendUntilClosed() {
        try {
            send(SseEmitter.event().name("ready").data(filter, MediaType.APPLICATION_JSON));
            while (isOpen()) {
                LiveArticle next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                send(next == null ? SseEmitter.event().comment("heartbeat")
                        : SseEmitter.event().name("article").id(next.id()).data(next, MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException clientGone) {
            // a write failed or the response is already complete: the client disconnected
        } catch (InterruptedException closing) {
            // close() woke the sender from its wait for articles: this thread ends here
        } finally {
            close();
            complete();
            owner.ended(this);
        }
    }

    private void send(SseEmitter.SseEventBuilder event) throws IOException {
        sendingSince = System.nanoTime();
        try {
            emitter.send(event);
        } finally {
            sendingSince = 0;
        }
    }

    private void complete() {
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // the container completed it first (client gone or timeout): nothing left to do
        }
    }
}
