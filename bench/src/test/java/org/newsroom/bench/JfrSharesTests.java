package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JfrSharesTests {

    @Test
    void countsASampleInTheFirstPartOneOfItsFramesBelongsTo() {
        // The per-article log line runs inside publishing, which runs inside the memory task: the log line it is.
        List<String> logLine = List.of("ch.qos.logback.classic.Logger.info",
                "org.newsroom.enrich.streams.EnrichmentTopology.published",
                "org.newsroom.enrich.streams.Publishing$Publish.process",
                "org.newsroom.enrich.streams.Remembering.process",
                "org.apache.kafka.streams.processor.internals.StreamThread.run");
        List<String> drafting = List.of("org.newsroom.enrich.entities.EntityRecognizer.recognise",
                "org.newsroom.enrich.Enricher.drafted", "org.newsroom.enrich.Enricher.draft",
                "org.newsroom.enrich.streams.ArticleFlow.findings");

        assertThat(JfrShares.partOf(logLine)).isEqualTo("the per-article log line");
        assertThat(JfrShares.partOf(drafting)).isEqualTo("the draft");
    }

    @Test
    void takesTheFactsTheDraftWorksOutForTheDraftsAndOnlyTheMemoryTasksForFactsWorkedOutAgain() {
        List<String> inDraft = List.of("org.newsroom.enrich.Enricher.facts", "org.newsroom.enrich.Enricher.drafted",
                "org.newsroom.enrich.Enricher.draft");
        List<String> inMemory = List.of("org.newsroom.enrich.Enricher.facts",
                "org.newsroom.enrich.streams.Remembering.process");

        assertThat(JfrShares.partOf(inDraft)).isEqualTo("the draft");
        assertThat(JfrShares.partOf(inMemory)).isEqualTo("facts worked out again (memory task)");
    }

    @Test
    void namesASampleOfNoPartByTheThreadsOutermostFrame() {
        assertThat(JfrShares.partOf(List.of("java.lang.Object.wait",
                "org.apache.kafka.streams.processor.internals.StreamThread.run"))).isEqualTo("other: StreamThread.run");
    }
}
