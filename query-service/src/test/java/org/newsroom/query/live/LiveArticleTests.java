package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
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
}
