package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Extraction;
import org.newsroom.query.web.ArticleBuilder;
import org.newsroom.query.web.TestArticles;

class LiveArticleTests {

    @Test
    void dropsAUrlThatIsNotHttpAsSearchHitsDo() {
        ArticleEnriched plain = TestArticles.venezuelaStory("live-plain");
        ArticleEnriched scripted = ArticleBuilder.from(plain).url("javascript:alert(document.cookie)").build();

        assertThat(LiveArticle.of(scripted).url()).isNull();
        assertThat(LiveArticle.of(plain).url()).isEqualTo("https://news.example/live-plain");
    }

    @Test
    void carriesHowAWebPagesTextWasFoundSoAWeakExtractionShowsLive() {
        Extraction fallback = new Extraction(Extraction.Method.largestBlock, 0.35);
        ArticleEnriched page = TestArticles.fromWebPage(TestArticles.venezuelaStory("live-page"), fallback);

        assertThat(LiveArticle.of(page).extraction()).isEqualTo(fallback);
        assertThat(LiveArticle.of(TestArticles.venezuelaStory("live-feed")).extraction()).isNull();
    }
}
