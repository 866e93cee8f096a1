package org.newsroom.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventValidationTests {

    @Test
    void rejectsAnArticleIdThatCannotBeAKafkaKeyAndDocumentId() {
        assertThatThrownBy(() -> received("has/slash and space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("articleId");
    }

    @Test
    void acceptsExactlyTheIdsItsRegularExpressionStates() {
        Pattern rule = Pattern.compile("[A-Za-z0-9_-]{1,128}");
        Random random = new Random(7);
        String alphabet = "aZ09_-/ .é\u0000+";
        List<String> ids = new ArrayList<>(List.of("", "a".repeat(128), "a".repeat(129), "wire-2026_12", "ümlaut"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ids.add(id.toString());
        }

        assertThat(ids).allSatisfy(id -> assertThat(Articles.isId(id)).as(id).isEqualTo(rule.matcher(id).matches()));
        assertThat(Articles.isId(null)).isFalse();
    }

    @Test
    void rejectsAVersionBelowOne() {
        ArticleReceived valid = received("abc");
        assertThatThrownBy(() -> new ArticleReceived(valid.eventId(), valid.occurredAt(), "abc", 0, valid.source(),
                "text", null, null, "h", List.of("p"), null, null, null, null, null, null, null))
                .hasMessageContaining("version");
    }

    @Test
    void copiesParagraphsSoTheEventCannotChangeAfterPublication() {
        List<String> paragraphs = new ArrayList<>(List.of("first"));
        ArticleReceived article = new ArticleReceived(UUID.randomUUID(), Instant.now(), "abc", 1,
                new Source("inbox", SourceKind.folder, null), "text", null, null, "h", paragraphs, null, null, null,
                null, null, null, null);

        paragraphs.add("second");

        assertThat(article.paragraphs()).containsExactly("first");
    }

    @Test
    void namesDeadLetterTopicsAfterTheirSource() {
        assertThat(Topics.deadLetterOf(Topics.ARTICLES_RAW)).isEqualTo("articles.raw.v1.DLT").isEqualTo(Topics.ARTICLES_RAW_DLT);
    }

    @Test
    void namesAReplayTopicAfterTheEnrichedTopicAndTheRunAndRefusesOtherNames() {
        assertThat(Topics.replayOf("articles-v2")).isEqualTo("articles.enriched.v1.replay.articles-v2");
        assertThatThrownBy(() -> Topics.replayOf("Articles V2")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ArticleReceived received(String id) {
        return new ArticleReceived(UUID.randomUUID(), Instant.now(), id, 1, new Source("inbox", SourceKind.folder, null),
                "text", null, null, "h", List.of("p"), null, null, null, null, null, null, null);
    }
}
