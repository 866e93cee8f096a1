package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveStreamsTests {

    private final LiveStreams streams = new LiveStreams(new LiveProperties(2, Duration.ofSeconds(10), Duration.ofMinutes(1), 4));

    @AfterEach
    void closeStreams() {
        streams.closeAll();
    }

    @Test
    void refusesAStreamBeyondTheCapUntilOneCloses() {
        LiveSubscription first = streams.open(everything());
        streams.open(everything());

        assertThatThrownBy(() -> streams.open(everything())).isInstanceOf(TooManyStreamsException.class);

        first.close();
        assertThat(first.isOpen()).isFalse();
        assertThat(streams.openStreams()).isEqualTo(1);
        assertThat(streams.open(everything()).isOpen()).isTrue();
    }

    private static LiveFilter everything() {
        return new LiveFilter(null, null, null, null, null);
    }
}
