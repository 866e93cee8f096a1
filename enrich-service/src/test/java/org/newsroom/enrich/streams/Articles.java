package org.newsroom.enrich.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.test.TestRecord;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Topics;
import org.newsroom.eventheaders.CloudEventSerializer;

/** Received articles for topology tests: the five seeds (distinct reports of one event) and their copies. */
final class Articles {

    static final Instant FIRST_PUBLISHED = Instant.parse("2019-05-06T08:00:00Z");

    private Articles() {
    }

    static List<ArticleReceived> seeds() {
        try (Stream<Path> files = Files.list(Path.of("..", "samples", "seeds"))) {
            List<ArticleReceived> seeds = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                List<String> blocks = Arrays.stream(Files.readString(file).split("\\n\\s*\\n"))
                        .map(String::strip).filter(b -> !b.isEmpty()).toList();
                seeds.add(article("seed-" + seeds.size(), "seeds", FIRST_PUBLISHED.plusSeconds(600L * seeds.size()),
                        blocks.getFirst(), blocks.subList(1, blocks.size())));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code original} re-headlined by another outlet an hour later, with its last three paragraphs cut. */
    static ArticleReceived trimmedCopyOf(ArticleReceived original, String articleId) {
        List<String> paragraphs = original.paragraphs();
        return article(articleId, "other-outlet", original.publishedAt().plusSeconds(3600),
                "Outlet: " + original.headline(), paragraphs.subList(0, paragraphs.size() - 3));
    }

    /** {@code original}'s body word for word, published by another outlet a minute later. */
    static ArticleReceived exactCopyOf(ArticleReceived original, String articleId) {
        return article(articleId, "mirror", original.publishedAt().plusSeconds(60), original.headline(),
                original.paragraphs());
    }

    static ArticleReceived article(String articleId, String source, Instant publishedAt, String headline,
                                   List<String> paragraphs) {
        return new ArticleReceived(UUID.randomUUID(), publishedAt, articleId, 1,
                new Source(source, SourceKind.http, null), "text", null, null, headline, paragraphs, publishedAt,
                null, null, "en", List.of(), null, null);
    }

    /** An article whose JSON (as the raw topic carries it, without headers) is exactly {@code size} bytes. */
    static ArticleReceived ofJsonSize(String articleId, int size) {
        Serializer<ArticleReceived> json = EnrichmentTopology.serde(ArticleReceived.class).serializer();
        int probe = json.serialize(Topics.ARTICLES_RAW, huge(articleId, "x")).length;
        ArticleReceived article = huge(articleId, "x".repeat(size - probe + 1));
        if (json.serialize(Topics.ARTICLES_RAW, article).length != size) {
            throw new IllegalStateException("no article of " + size + " bytes");
        }
        return article;
    }

    private static ArticleReceived huge(String articleId, String paragraph) {
        return article(articleId, "wire", FIRST_PUBLISHED, "Huge", List.of(paragraph));
    }

    /** An article as ingest publishes it: CloudEvents headers, JSON body, keyed by its id. */
    static TestRecord<byte[], byte[]> rawEvent(ArticleReceived article, Instant at) {
        Headers headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer<>(EnrichmentTopology.serde(ArticleReceived.class).serializer())
                .serialize(Topics.ARTICLES_RAW, headers, article);
        return new TestRecord<>(article.articleId().getBytes(java.nio.charset.StandardCharsets.UTF_8), value, headers, at);
    }
}
