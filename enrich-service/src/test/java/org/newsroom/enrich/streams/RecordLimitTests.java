package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Enrichment;

class RecordLimitTests {

    @Test
    void refusesAnArticleWhoseJsonWouldNotFitThoughItsInternalEncodingDoes() {
        // A control character takes one byte in the internal encoding and six in JSON (a backslash-u escape).
        ArticleEnriched article = draftOf("\u0001".repeat(RecordLimit.MAX_VALUE_BYTES / 4));
        byte[] encoded = DraftEncoding.encoded(article);
        assertThat(encoded.length).isLessThan(RecordLimit.MAX_VALUE_BYTES / 2);

        assertThatThrownBy(() -> RecordLimit.checkArticle(encoded, () -> InternalSerdes.json(article)))
                .isInstanceOf(RecordTooLargeException.class).hasMessageContaining("An enriched article of");
    }

    @Test
    void takesALargeArticleWhoseJsonFits() {
        ArticleEnriched article = draftOf("A sentence of plain words. ".repeat(RecordLimit.MAX_VALUE_BYTES / 40));
        byte[] encoded = DraftEncoding.encoded(article);

        assertThat(RecordLimit.checkArticle(encoded, () -> InternalSerdes.json(article))).isSameAs(encoded);
    }

    @Test
    void writesNoJsonForAnOrdinaryArticle() {
        ArticleEnriched article = draftOf("An ordinary paragraph of an ordinary story.");

        byte[] encoded = DraftEncoding.encoded(article);

        assertThat(RecordLimit.checkArticle(encoded, () -> {
            throw new AssertionError("the JSON of an article far below the limit was written");
        })).isSameAs(encoded);
    }

    /** Not normalised (which would drop the control characters): the bytes are what is measured here. */
    private static ArticleEnriched draftOf(String paragraph) {
        ArticleReceived seed = Articles.seeds().getFirst();
        ArticleReceived article = Articles.article(seed.articleId(), "test", seed.publishedAt(), seed.headline(),
                List.of(paragraph));
        return ArticleEnriched.of(article, new Enrichment("test", List.of(), List.of(),
                Dedup.originalOf(article.articleId(), "none"), article.articleId()), Instant.now());
    }
}
