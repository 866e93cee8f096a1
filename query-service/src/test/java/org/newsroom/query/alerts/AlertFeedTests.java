package org.newsroom.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.language.FilterValues;
import org.newsroom.query.web.TestArticles;

class AlertFeedTests {

    @Test
    void writesTheMatchesAsAnAtomFeedThatReadsBack() throws Exception {
        Alert alert = new Alert("a1", "Venezuela & Russia", "venezuela", FilterValues.NONE, null,
                Instant.parse("2019-05-01T00:00:00Z"), "desk");
        ArticleEnriched story = TestArticles.venezuelaStory("feed-1");

        String atom = AlertFeed.atom(alert, List.of(TestArticles.document(story)), Instant.parse("2019-05-10T00:00:00Z"));

        assertThat(atom).contains("xmlns=\"http://www.w3.org/2005/Atom\"");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getTitle()).isEqualTo("Venezuela & Russia");
        assertThat(feed.getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getTitle()).isEqualTo(story.headline());
            assertThat(entry.getUri()).isEqualTo("urn:newsroom:article:feed-1");
            assertThat(entry.getLink()).isEqualTo(story.url());
            assertThat(entry.getPublishedDate().toInstant()).isEqualTo(story.publishedAt());
        });
    }

    @Test
    void anEmptyFeedIsStillAValidFeed() throws Exception {
        Alert alert = new Alert("a2", "Nothing yet", "zanzibar", FilterValues.NONE, null, Instant.EPOCH, "desk");

        SyndFeed feed = new SyndFeedInput().build(new StringReader(AlertFeed.atom(alert, List.of(), Instant.EPOCH)));

        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getUri()).isEqualTo("urn:newsroom:alert:a2");
    }
}
