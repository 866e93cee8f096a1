package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;

class ArticleHitTests {

    private static final Source AP = new Source("AP", SourceKind.http, "test:ap");

    @Test
    void dropsAUrlThatIsNotHttpSoNoPageLinksToScript() {
        ArticleHit.Republication copy = new ArticleHit.Republication("copy", "Headline", Instant.EPOCH, AP, null,
                "data:text/html,<script>alert(1)</script>", Dedup.originalOf("copy", "hash"));

        ArticleHit hit = hit("javascript:alert(document.cookie)", List.of(copy));

        assertThat(hit.url()).isNull();
        assertThat(hit.republications()).extracting(ArticleHit.Republication::url).containsOnlyNulls();
    }

    @Test
    void keepsAnHttpsUrl() {
        assertThat(hit("https://news.example/story", List.of()).url()).isEqualTo("https://news.example/story");
    }

    private static ArticleHit hit(String url, List<ArticleHit.Republication> republications) {
        return new ArticleHit("id", "Headline", Instant.EPOCH, AP, null, url, null, Dedup.originalOf("id", "hash"),
                null, 1.0, null, "en", List.of(), List.of(), republications.size(), republications, null);
    }
}
