package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.language.FilterValues;
import org.newsroom.query.web.TestArticles;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class LiveStreamsTests {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);
    private static final Duration LONG = Duration.ofMinutes(1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Deque<SseEmitter> nextEmitters = new ArrayDeque<>();
    private final List<NeverReadingEmitter> stuck = new ArrayList<>();
    private LiveStreams streams;

    @AfterEach
    void closeStreams() {
        stuck.forEach(NeverReadingEmitter::disconnect);
        streams.closeAll();
    }

    @Test
    void refusesAStreamBeyondTheCapUntilOneCloses() {
        givenStreams(2, 2, 4, LONG);
        LiveSubscription first = streams.open(everything(), "address 10.0.0.1");
        streams.open(everything(), "address 10.0.0.2");

        assertThatThrownBy(() -> streams.open(everything(), "address 10.0.0.3"))
                .isInstanceOf(TooManyStreamsException.class);

        first.close();
        assertThat(first.isOpen()).isFalse();
        await().atMost(PROMPTLY).until(() -> streams.openStreams() == 1);
        assertThat(streams.open(everything(), "address 10.0.0.3").isOpen()).isTrue();
    }

    @Test
    void refusesAClientMoreThanItsShareWhileOthersStillGetStreams() {
        givenStreams(10, 2, 4, LONG);
        LiveSubscription first = streams.open(everything(), "user alice");
        streams.open(everything(), "user alice");

        assertThatThrownBy(() -> streams.open(everything(), "user alice"))
                .isInstanceOf(TooManyStreamsFromClientException.class);
        assertThat(streams.open(everything(), "user bob").isOpen()).isTrue();

        first.close();
        await().atMost(PROMPTLY).until(() -> streams.openStreams() == 2);
        assertThat(streams.open(everything(), "user alice").isOpen()).isTrue();
    }

    @Test
    void aClientThatNeverReadsIsDroppedWhileTheOthersReceiveEveryArticle() {
        givenStreams(10, 10, 8, LONG);
        LiveSubscription neverReading = open(new NeverReadingEmitter(), "address 10.0.0.1");
        RecordingEmitter first = new RecordingEmitter();
        RecordingEmitter second = new RecordingEmitter();
        open(first, "address 10.0.0.2");
        open(second, "address 10.0.0.3");

        List<String> published = new ArrayList<>();
        for (int batch = 0; batch < 10; batch++) {
            List<ArticleEnriched> articles = articles(batch, 5);
            // with the write to the stuck client holding the emitter's lock, publishing must not wait for it
            assertTimeoutPreemptively(PROMPTLY, () -> streams.offer(articles));
            articles.forEach(article -> published.add(article.articleId()));
            await().atMost(PROMPTLY).until(() -> first.articleIds.size() == published.size()
                    && second.articleIds.size() == published.size());
        }

        assertThat(first.articleIds).containsExactlyElementsOf(published);
        assertThat(second.articleIds).containsExactlyElementsOf(published);
        assertThat(neverReading.isOpen()).isFalse();
        assertThat(dropped("overflow")).isEqualTo(1);
        assertThat(dropped("send-timeout")).isZero();
    }

    @Test
    void dropsAStreamWhoseWriteBlocksPastTheSendTimeout() {
        givenStreams(10, 10, 8, Duration.ofMillis(100));
        LiveSubscription neverReading = open(new NeverReadingEmitter(), "address 10.0.0.1");
        LiveSubscription reading = open(new RecordingEmitter(), "address 10.0.0.2");

        await().atMost(PROMPTLY).until(() -> !neverReading.isOpen());

        assertThat(reading.isOpen()).isTrue();
        assertThat(dropped("send-timeout")).isEqualTo(1);
    }

    @Test
    void aDroppedStreamHoldsItsSlotUntilItsBlockedWriteReturns() {
        givenStreams(10, 1, 1, LONG);
        NeverReadingEmitter emitter = new NeverReadingEmitter();
        LiveSubscription neverReading = open(emitter, "address 10.0.0.1");

        streams.offer(articles(0, 3));

        assertThat(neverReading.isOpen()).isFalse();
        assertThatThrownBy(() -> streams.open(everything(), "address 10.0.0.1"))
                .isInstanceOf(TooManyStreamsFromClientException.class);
        emitter.disconnect();
        await().atMost(PROMPTLY).until(() -> streams.openStreams() == 0);
        assertThat(streams.open(everything(), "address 10.0.0.1").isOpen()).isTrue();
    }

    private void givenStreams(int maxStreams, int maxStreamsPerClient, int queueSize, Duration sendTimeout) {
        LiveProperties properties = new LiveProperties(maxStreams, Duration.ofSeconds(10), Duration.ofMinutes(1),
                queueSize, maxStreamsPerClient, sendTimeout);
        streams = new LiveStreams(properties, meters,
                () -> nextEmitters.isEmpty() ? new RecordingEmitter() : nextEmitters.poll());
    }

    private LiveSubscription open(SseEmitter emitter, String client) {
        if (emitter instanceof NeverReadingEmitter neverReading) {
            stuck.add(neverReading);
        }
        nextEmitters.add(emitter);
        return streams.open(everything(), client);
    }

    private double dropped(String reason) {
        return meters.get(LiveStreams.DROPPED).tag("reason", reason).counter().count();
    }

    private static List<ArticleEnriched> articles(int batch, int size) {
        return IntStream.range(0, size).mapToObj(i -> TestArticles.original("live-" + batch + "-" + i, "AP", null,
                Instant.parse("2019-05-03T12:00:00Z"), List.of(), "Headline " + batch + "-" + i, "Body.")).toList();
    }

    private static LiveFilter everything() {
        return new LiveFilter(null, FilterValues.NONE);
    }

    /** A client that reads everything: records the articles it is sent, in order. */
    private static final class RecordingEmitter extends SseEmitter {

        final List<String> articleIds = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder event) {
            event.build().stream().filter(part -> part.getData() instanceof LiveArticle)
                    .forEach(part -> articleIds.add(((LiveArticle) part.getData()).id()));
        }
    }

    /**
     * A client that never reads: its first write blocks holding the emitter's lock, as Tomcat's socket write does,
     * ignoring interrupts as Tomcat does, until the connection is reset.
     */
    private static final class NeverReadingEmitter extends SseEmitter {

        private final CountDownLatch reset = new CountDownLatch(1);

        @Override
        public void send(SseEventBuilder event) throws IOException {
            writeLock.lock();
            try {
                boolean interrupted = false;
                while (reset.getCount() > 0) {
                    try {
                        reset.await();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("Connection reset by peer");
            } finally {
                writeLock.unlock();
            }
        }

        void disconnect() {
            reset.countDown();
        }
    }
}
