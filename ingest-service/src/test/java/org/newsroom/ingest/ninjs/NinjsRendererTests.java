package org.newsroom.ingest.ninjs;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Removal;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.ninjs.NinjsRenderer;
import org.newsroom.ingest.parsing.DocumentParser;
import org.newsroom.ingest.parsing.ParsedArticle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Rendered articles are valid ninjs 3.1 by IPTC's own JSON Schema (GeoJSON registered locally, no network). */
class NinjsRendererTests {

    private static Schema ninjs31;
    private final NinjsRenderer renderer = new NinjsRenderer();

    @BeforeAll
    static void loadSchema() throws IOException {
        Path ninjs = samples().resolve("formats/ninjs");
        Map<String, String> schemas = Map.of(
                "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
                Files.readString(ninjs.resolve("specification/ninjs-schema_3.1.json")),
                "https://geojson.org/schema/GeoJSON.json",
                Files.readString(ninjs.resolve("validation/test_suite/GeoJSON-schema.json")));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(schemas));
        ninjs31 = registry.getSchema(SchemaLocation.of("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"));
    }

    @Test
    void fullArticleIsValidNinjs31() {
        ArticleReceived article = new ArticleReceived(UUID.randomUUID(), Instant.parse("2019-05-06T10:00:00Z"),
                "a1b2c3", 2, new Source("afp-wire", SourceKind.feed, "https://example.com/feed.xml"), "rss",
                "https://example.com/story", "urn:afp:123", "Pompeo in Russia: Five Talking Points",
                List.of("US Secretary of State Mike Pompeo will have plenty to talk about.", "Tom & Jerry <3 Sochi."),
                Instant.parse("2019-05-06T00:00:00Z"), "Jane Doe", new Dateline("Moscow", "AFP"), "en",
                List.of(new Removal("Moscow (AFP) –", "dateline")), null, null);

        ObjectNode rendered = renderer.tree(article);

        assertThat(errors(rendered)).isEmpty();
        assertThat(rendered.path("uri").asString()).isEqualTo("urn:newsroom:article:a1b2c3");
        assertThat(rendered.path("headlines").get(0).path("value").asString()).isEqualTo("Pompeo in Russia: Five Talking Points");
        assertThat(rendered.path("bodies").get(1).path("value").asString()).contains("<p>Tom &amp; Jerry &lt;3 Sochi.</p>");
        assertThat(rendered.path("located").asString()).isEqualTo("Moscow");
        assertThat(rendered.path("infoSources").get(0).path("name").asString()).isEqualTo("AFP");
        assertThat(rendered.path("version").asString()).isEqualTo("2");
    }

    @Test
    void everyParsedSeedRendersAsValidNinjs() throws Exception {
        DocumentParser parser = new DocumentParser();
        try (var seeds = Files.list(samples().resolve("seeds"))) {
            for (Path seed : seeds.sorted().toList()) {
                ParsedArticle parsed = parser.parse(seed.getFileName().toString(), Files.readAllBytes(seed)).getFirst();
                ArticleReceived article = new ArticleReceived(UUID.randomUUID(), Instant.now(), "seed-" + seed.hashCode(),
                        parsed.version(), new Source("inbox", SourceKind.folder, seed.getFileName().toString()),
                        parsed.format(), parsed.url(), parsed.guid(), parsed.headline(), parsed.paragraphs(),
                        parsed.publishedAt(), parsed.byline(), parsed.dateline(), parsed.language(), parsed.removed(), null, null);

                assertThat(errors(renderer.tree(article))).as(seed.toString()).isEmpty();
            }
        }
    }

    @Test
    void schemaRejectsWhatIsNotNinjs() {
        ObjectNode broken = renderer.tree(minimal());
        broken.remove("uri");
        broken.put("headline", "a 1.x field");

        assertThat(errors(broken)).isNotEmpty();
    }

    private static ArticleReceived minimal() {
        return new ArticleReceived(UUID.randomUUID(), Instant.now(), "x1", 1, new Source("inbox", SourceKind.folder, "x.txt"),
                "text", null, null, "Headline", List.of("Text."), null, null, null, null, List.of(), null, null);
    }

    private static List<Error> errors(JsonNode node) {
        return ninjs31.validate(node);
    }

    private static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples/formats"))) {
                return dir.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/ not found");
    }
}
