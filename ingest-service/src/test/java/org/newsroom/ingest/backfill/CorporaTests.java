package org.newsroom.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Dateline;
import org.newsroom.corpora.BbcStory;
import org.newsroom.corpora.ReutersStory;

class CorporaTests {

    @Test
    void takesTheReutersDatelinePlaceAndTheCorpusIdAsGuid() {
        ReutersStory story = new ReutersStory(1234, Instant.parse("1987-03-26T10:00:00Z"), ReutersStory.ModApte.train,
                List.of("earn"), List.of("usa"), List.of(), List.of(), "GENCORP <GY> SEES HIGHER EARNINGS",
                "AKRON, Ohio, March 26 - ", List.of("GenCorp Inc said it expects higher earnings."));

        BackfillItem.Article item = (BackfillItem.Article) Corpora.item(story);

        assertThat(item.where()).isEqualTo("reuters21578/1234");
        assertThat(item.article().guid()).isEqualTo("reuters21578:1234");
        assertThat(item.article().dateline()).isEqualTo(new Dateline("AKRON, Ohio", "Reuters"));
        assertThat(item.article().publishedAt()).isEqualTo(Instant.parse("1987-03-26T10:00:00Z"));
        assertThat(item.source().name()).isEqualTo("reuters21578");
    }

    @Test
    void derivesAHeadlineForABriefWithoutTitleAndFailsAStoryWithoutText() {
        ReutersStory brief = new ReutersStory(7, Instant.parse("1987-03-01T00:00:00Z"), ReutersStory.ModApte.unused,
                List.of(), List.of(), List.of(), List.of(), "", "", List.of(
                "Shr 12 cts vs nine cts Net 1,234,000 vs 987,000 Revs 45.6 mln vs 40.1 mln and more figures follow here"));
        ReutersStory empty = new ReutersStory(8, Instant.parse("1987-03-01T00:00:00Z"), ReutersStory.ModApte.unused,
                List.of(), List.of(), List.of(), List.of(), " ", "", List.of());

        assertThat(((BackfillItem.Article) Corpora.item(brief)).article().headline())
                .isEqualTo("Shr 12 cts vs nine cts Net 1,234,000 vs 987,000 Revs 45.6 mln vs 40.1 mln and more figures follow …");
        assertThat(Corpora.item(empty)).isEqualTo(new BackfillItem.Failure("reuters21578/8", "story has neither a title nor a body"));
    }

    @Test
    void leavesTheLocationOutWhenTheDatelineHasNoDate() {
        assertThat(Corpora.location("LONDON - ")).isNull();
        assertThat(Corpora.location("NEW YORK, Oct 19 - ")).isEqualTo("NEW YORK");
    }

    @Test
    void givesBbcStoriesTheirCorpusIdAsGuid() {
        BackfillItem.Article item = (BackfillItem.Article) Corpora.item(
                new BbcStory("business/001", "business", "Ad sales boost Time Warner profit", List.of("Quarterly profits rose.")));

        assertThat(item.article().guid()).isEqualTo("bbc:business/001");
        assertThat(item.article().language()).isEqualTo("en");
        assertThat(item.source().name()).isEqualTo("bbc");
    }
}
