package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.query.indexing.ArticleDocument;
import org.newsroom.query.web.TestArticles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/articles/{id}} in IPTC ninjs 3.1, valid by IPTC's own JSON Schema (GeoJSON registered locally). */
class ArticleNinjsTests {

    private static Schema ninjs31;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final ArticleLookup lookup = mock(ArticleLookup.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ArticleController(lookup)).build();

    @BeforeAll
    static void loadSchema() throws Exception {
        Path ninjs = samples().resolve("formats/ninjs");
        Map<String, String> schemas = Map.of("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
                Files.readString(ninjs.resolve("specification/ninjs-schema_3.1.json")),
                "https://geojson.org/schema/GeoJSON.json",
                Files.readString(ninjs.resolve("validation/test_suite/GeoJSON-schema.json")));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(schemas));
        ninjs31 = registry.getSchema(SchemaLocation.of("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"));
    }

    @Test
    void answersValidNinjsWithTagsAsSubjectsAndEntitiesByKindWhenAskedByAcceptOrParameter() throws Exception {
        when(lookup.article("ninjs-1")).thenReturn(document(TestArticles.venezuelaStory("ninjs-1")));

        String byAccept = mvc.perform(get("/api/articles/ninjs-1").accept("application/ninjs+json"))
                .andExpect(status().isOk()).andExpect(content().contentType("application/ninjs+json"))
                .andReturn().getResponse().getContentAsString();
        String byParameter = mvc.perform(get("/api/articles/ninjs-1").param("format", "ninjs"))
                .andExpect(status().isOk()).andExpect(content().contentType("application/ninjs+json"))
                .andReturn().getResponse().getContentAsString();

        JsonNode ninjs = JSON.readTree(byAccept);
        assertThat(byParameter).isEqualTo(byAccept);
        assertThat(ninjs31.validate(ninjs)).isEmpty();
        assertThat(ninjs.path("uri").asString()).isEqualTo("urn:newsroom:article:ninjs-1");
        assertThat(ninjs.at("/headlines/0/value").asString()).startsWith("Pompeo-Lavrov meeting");
        assertThat(ninjs.at("/subjects/0/literal").asString()).isEqualTo("medtop:11000000");
        assertThat(ninjs.at("/places/0/name").asString()).isEqualTo("Venezuela");
        assertThat(ninjs.at("/people/0/name").asString()).isEqualTo("Mike Pompeo");
    }

    @Test
    void staysPlainJsonByDefault() throws Exception {
        when(lookup.article("ninjs-2")).thenReturn(document(TestArticles.venezuelaStory("ninjs-2")));

        String json = mvc.perform(get("/api/articles/ninjs-2")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(JSON.readTree(json).path("articleId").asString()).isEqualTo("ninjs-2");
    }

    private static ArticleDocument document(ArticleEnriched a) {
        List<Entity> entities = List.of(new Entity("Q717", "Venezuela", EntityType.place, List.of(), 3),
                new Entity("Q473239", "Mike Pompeo", EntityType.person, List.of("Pompeo"), 2));
        return new ArticleDocument(a.articleId(), a.version(), a.source(), a.format(), a.url(), a.guid(), a.headline(),
                a.paragraphs(), a.publishedAt(), a.byline(), a.dateline(), a.language(), a.enrichmentVersion(),
                a.enrichedAt(), a.tags(), entities, a.dedup(), a.storyId(), a.correlationId(), Instant.now());
    }

    private static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples/formats/ninjs"))) {
                return dir.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/formats/ninjs not found");
    }
}
