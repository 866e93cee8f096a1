package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GroupGenerationsTests {

    private static String joined(String thread, String group, int generation) {
        return "2026-12-02T21:40:01.123Z  INFO 4242 --- [enrich-service] [" + thread + "] o.a.k.c.c.internals.ConsumerCoordinator"
                + "  : [Consumer clientId=" + thread + "-consumer, groupId=" + group + "] Successfully joined group with "
                + "generation Generation{generationId=" + generation + ", memberId='" + thread + "-consumer-1f2e', "
                + "protocol='stream'}";
    }

    @Test
    void fourStreamThreadsJoiningOneGenerationAreOneRebalance() {
        var lines = Stream.of(
                joined("StreamThread-1", "enrich-service", 7), joined("StreamThread-2", "enrich-service", 7),
                "2026-12-02T21:40:01.200Z  INFO 4242 --- [enrich-service] [StreamThread-1] stream-thread : New active tasks: [0_1]",
                joined("StreamThread-3", "enrich-service", 7), joined("StreamThread-4", "enrich-service", 7));

        assertThat(GroupGenerations.of(lines)).containsExactly("enrich-service #7");
    }

    @Test
    void eachGroupAndGenerationCountsOnce() {
        var lines = Stream.of(joined("indexer-0", "query-service", 3), joined("live-0", "live-streams-a1", 3),
                joined("indexer-0", "query-service", 4), joined("indexer-1", "query-service", 4));

        assertThat(GroupGenerations.of(lines)).containsExactly("live-streams-a1 #3", "query-service #3", "query-service #4");
    }

    @Test
    void aJoinLineItCannotReadStopsTheCountRatherThanGoUncounted() {
        assertThatThrownBy(() -> GroupGenerations.of(Stream.of("[Consumer groupId=x] Successfully joined group with generation ?")))
                .hasMessageContaining("cannot read");
    }
}
