package org.newsroom.query.reprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReprocessRequestTests {

    @Test
    void withoutArgumentsReplaysEveryRawRecord() {
        ReprocessRequest request = ReprocessRequest.parse();

        assertThat(request.ranged()).isFalse();
        assertThat(request.covers(0)).isTrue();
        assertThat(request.covers(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void aRangeCoversRecordsFromSinceUpToButNotIncludingUntil() {
        ReprocessRequest request = ReprocessRequest.parse("--since=2026-11-01T00:00:00Z", "--until=2026-11-02T00:00:00Z");
        long since = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        long until = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

        assertThat(request.ranged()).isTrue();
        assertThat(request.covers(since - 1)).isFalse();
        assertThat(request.covers(since)).isTrue();
        assertThat(request.covers(until - 1)).isTrue();
        assertThat(request.covers(until)).isFalse();
    }

    @Test
    void refusesAnUnreadableInstantAnEmptyRangeAndUnknownArguments() {
        assertThatThrownBy(() -> ReprocessRequest.parse("--since=yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> ReprocessRequest.parse("--since=2026-11-02T00:00:00Z", "--until=2026-11-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be before");
        assertThatThrownBy(() -> ReprocessRequest.parse("articles-v9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage");
    }
}
