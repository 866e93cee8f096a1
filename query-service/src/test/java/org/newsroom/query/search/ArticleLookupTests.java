package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.query.indexing.ArticleDocument;

class ArticleLookupTests {

    @Test
    void showsAStoredArticleWithoutAUrlThatIsNotHttp() {
        ArticleDocument stored = stored("javascript:alert(document.cookie)");

        ArticleDocument shown = ArticleLookup.withHttpUrlOnly(stored);

        assertThat(shown.url()).isNull();
        assertThat(shown).usingRecursiveComparison().ignoringFields("url").isEqualTo(stored);
    }

    @Test
    void showsAStoredArticleWithAnHttpsUrlAsItIs() {
        ArticleDocument stored = stored("https://news.example/story");

        assertThat(ArticleLookup.withHttpUrlOnly(stored)).isSameAs(stored);
    }

    private static ArticleDocument stored(String url) {
        Instant now = Instant.parse("2019-05-03T12:00:00Z");
        return new ArticleDocument("story", 1, new Source("AP", SourceKind.http, "test:ap"), "text", url, "guid-1",
                "Headline", List.of("Body."), now, "By A. Reporter", null, "en", "test-1", now, List.of(), List.of(),
                Dedup.originalOf("story", "hash"), "story-1", "correlation-1", now);
    }
}
