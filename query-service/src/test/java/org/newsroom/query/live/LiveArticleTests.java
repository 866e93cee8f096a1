package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.web.TestArticles;

class LiveArticleTests {

    @Test
    void dropsAUrlThatIsNotHttpAsSearchHitsDo() {
        ArticleEnriched plain = TestArticles.venezuelaStory("live-plain");
        ArticleEnriched scripted = withUrl(plain, "javascript:alert(document.cookie)");

        assertThat(LiveArticle.of(scripted).url()).isNull();
        assertThat(LiveArticle.of(plain).url()).isEqualTo("https://news.example/live-plain");
    }

    private static ArticleEnriched withUrl(ArticleEnriched a, String url) {
        return new ArticleEnriched(a.eventId(), a.occurredAt(), a.articleId(), a.version(), a.source(), a.format(), url,
                a.guid(), a.headline(), a.paragraphs(), a.publishedAt(), a.byline(), a.dateline(), a.language(),
                a.removed(), a.pubStatus(), a.correlationId(), a.enrichmentVersion(), a.enrichedAt(), a.tags(),
                a.entities(), a.dedup(), a.storyId());
    }
}
