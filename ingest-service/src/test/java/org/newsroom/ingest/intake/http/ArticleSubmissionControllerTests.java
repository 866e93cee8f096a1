package org.newsroom.ingest.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.identity.ArticleIds;
import org.newsroom.ingest.intake.ArticleIntake;
import org.newsroom.ingest.intake.CorrelationIds;
import org.newsroom.ingest.metrics.IntakeMetrics;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(controllers = ArticleSubmissionController.class,
        properties = {"newsroom.security.keys[0].name=example-desk", "newsroom.security.keys[0].key=" + ArticleSubmissionControllerTests.KEY,
        "newsroom.security.keys[0].roles=ingest", "newsroom.security.keys[0].sources=example-wire,http,newsdesk", "ingest.http.max-batch=4", "newsroom.http.max-body-size=2KB",
        "ingest.max-article-size=1KB"})
@Import({ArticleSubmissionControllerTests.RecordingKafka.class, SubmissionAccess.class})
class ArticleSubmissionControllerTests {

    static final String KEY = "example-desk-key-0123456789";

    /** Stands in for the broker: records what was acknowledged, or refuses everything while down. */
    @TestConfiguration
    @EnableConfigurationProperties(IngestProperties.class)
    static class RecordingKafka {
        final List<ArticleReceived> acknowledged = new CopyOnWriteArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicBoolean refuseForGood = new AtomicBoolean();

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ArticleIntake articleIntake(MeterRegistry registry) {
            return new ArticleIntake(articles -> {
                if (down.get()) {
                    throw new PublishFailedException("Kafka did not acknowledge: broker unreachable", null);
                }
                if (refuseForGood.get()) {
                    throw new PublishFailedException("Kafka did not acknowledge: the record is too large", null, false);
                }
                acknowledged.addAll(articles);
            }, new IntakeMetrics(registry), Clock.systemUTC());
        }
    }

    private static final String SIMPLE = """
            {"headline": "Markets rally in Tokyo", "body": "Shares rose on Friday.\\n\\nThe Nikkei gained 2%%.",
             "publishedAt": "2019-05-06T08:00:00Z", "url": "https://example.com/markets?utm_source=x",
             "guid": "%s", "source": "example-wire", "byline": "Jane Doe", "language": "en"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    RecordingKafka kafka;
    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void brokerUp() {
        kafka.down.set(false);
        kafka.refuseForGood.set(false);
        kafka.acknowledged.clear();
    }

    @Test
    void acceptsOneArticleAfterKafkaAcknowledgedItAndAnswersItsId() throws Exception {
        double acceptedBefore = registry.find("ingest.articles").tags("outcome", "accepted", "path", "http", "source", "example-wire")
                .counters().stream().mapToDouble(c -> c.count()).sum();
        submit(SIMPLE.formatted("urn:example:1"), KEY)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.ids[0]").value(ArticleIds.fromGuid("example-wire", "urn:example:1")));

        assertThat(kafka.acknowledged).singleElement().satisfies(article -> {
            assertThat(article.headline()).isEqualTo("Markets rally in Tokyo");
            assertThat(article.paragraphs()).containsExactly("Shares rose on Friday.", "The Nikkei gained 2%.");
            assertThat(article.source().name()).isEqualTo("example-wire");
            assertThat(article.source().kind()).isEqualTo(SourceKind.http);
            assertThat(article.guid()).isEqualTo("urn:example:1");
        });
        assertThat(registry.get("ingest.articles").tags("outcome", "accepted", "path", "http", "source", "example-wire")
                .counter().count()).isEqualTo(acceptedBefore + 1);
    }

    @Test
    void acceptsABatchInNinjsAndSimpleShapesKeepingTheOrderOfIds() throws Exception {
        String ninjs = """
                {"uri": "urn:ninjs:2", "type": "text", "headline": "Storm hits coast",
                 "body_text": "Winds reached 150 km/h.", "versioncreated": "2024-01-02T03:04:05Z"}""";
        submit("[" + SIMPLE.formatted("urn:example:3") + "," + ninjs + "]", KEY)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.ids.length()").value(2))
                .andExpect(jsonPath("$.ids[0]").value(ArticleIds.fromGuid("example-wire", "urn:example:3")))
                .andExpect(jsonPath("$.ids[1]").value(ArticleIds.fromGuid(Submissions.DEFAULT_SOURCE, "urn:ninjs:2")));

        assertThat(kafka.acknowledged).extracting(ArticleReceived::headline)
                .containsExactly("Markets rally in Tokyo", "Storm hits coast");
        assertThat(kafka.acknowledged.get(1).source().name()).isEqualTo(Submissions.DEFAULT_SOURCE);
    }

    @Test
    void acceptsAKillWithoutTextAsTheSameArticleAtItsVersion() throws Exception {
        submit("{\"guid\": \"urn:example:5\", \"version\": 3, \"pubStatus\": \"canceled\", \"source\": \"example-wire\"}", KEY)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.ids[0]").value(ArticleIds.fromGuid("example-wire", "urn:example:5")));

        assertThat(kafka.acknowledged).singleElement().satisfies(article -> {
            assertThat(article.pubStatus()).isEqualTo(PubStatus.canceled);
            assertThat(article.version()).isEqualTo(3);
            assertThat(article.paragraphs()).isEmpty();
        });
    }

    @Test
    void refusesAMissingOrWrongKeyAsUnauthorized() throws Exception {
        mvc.perform(post("/api/articles").contentType(MediaType.APPLICATION_JSON).content(SIMPLE.formatted("urn:x")))
                .andExpect(status().isUnauthorized())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("X-Api-Key")));
        submit(SIMPLE.formatted("urn:x"), "guess-guess-guess-guess").andExpect(status().isUnauthorized());

        assertThat(kafka.acknowledged).isEmpty();
    }

    @Test
    void refusesArticlesOfASourceTheKeyMayNotWriteSoNoOneCanCorrectOrKillAnotherSourcesArticle() throws Exception {
        String kill = "{\"guid\": \"urn:reuters:1\", \"version\": 2147483647, \"pubStatus\": \"canceled\", \"source\": \"reuters\"}";

        submit("[" + SIMPLE.formatted("urn:example:9") + "," + kill + "]", KEY)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("example-desk may not write articles of source(s) reuters; none was taken in"));

        assertThat(kafka.acknowledged).isEmpty();
    }

    @Test
    void refusesABatchWithAnInvalidArticleNamingEveryProblem() throws Exception {
        double rejectedBefore = rejected();

        submit("[" + SIMPLE.formatted("urn:example:4") + ", {\"headline\": \"No body\"}, 42, {\"headline\": \"h\", \"body\": \"b\", \"source\": 7}]", KEY)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid articles"))
                .andExpect(jsonPath("$.detail").value("3 of 4 article(s) are invalid; none was taken in"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[1]").value("[2]: not a JSON object"))
                .andExpect(jsonPath("$.errors[2]").value("[3]: source must be a non-empty string"));

        assertThat(kafka.acknowledged).isEmpty();
        assertThat(rejected() - rejectedBefore).isEqualTo(3);
    }

    private double rejected() {
        var counter = registry.find("ingest.articles").tags("outcome", "rejected", "path", "http").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void refusesMalformedJsonAndNonObjects() throws Exception {
        submit("{\"headline\": ", KEY).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("the body is not valid JSON")));
        submit("\"just a string\"", KEY).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the body must be a JSON article object or an array of them"));
        submit("[]", KEY).andExpect(status().isBadRequest());
    }

    @Test
    void refusesTooLargeBodiesAndBatchesAsContentTooLarge() throws Exception {
        submit("{\"headline\": \"h\", \"body\": \"" + "x".repeat(3_000) + "\"}", KEY)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most 2048 bytes")));
        String five = String.join(",", List.of("{\"headline\":\"a\",\"body\":\"a\"}", "{\"headline\":\"b\",\"body\":\"b\"}",
                "{\"headline\":\"c\",\"body\":\"c\"}", "{\"headline\":\"d\",\"body\":\"d\"}",
                "{\"headline\":\"e\",\"body\":\"e\"}"));
        submit("[" + five + "]", KEY).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("a batch of 5 articles is more than the limit of 4"));
    }

    @Test
    void refusesAnArticleOverTheArticleSizeLimitAsContentTooLargeAndTakesNoneOfItsBatch() throws Exception {
        String huge = "{\"headline\": \"Data dump\", \"body\": \"%s\", \"source\": \"desk\"}".formatted("word ".repeat(300));
        String fine = SIMPLE.formatted("fine-1");

        submit("[" + fine + "," + huge + "]", KEY).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 of 2 article(s) are over the article size limit")))
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.containsString("ingest.max-article-size")));

        assertThat(kafka.acknowledged).isEmpty();
    }

    @Test
    void answersContentTooLargeWhenKafkaRefusesTheRecordsThemselves() throws Exception {
        kafka.refuseForGood.set(true);

        submit(SIMPLE.formatted("refused-1"), KEY).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.title").value("Articles refused by Kafka"));
    }

    @Test
    void answersServiceUnavailableWhenKafkaDidNotAcknowledge() throws Exception {
        kafka.down.set(true);
        double failedBefore = registry.find("ingest.articles").tags("outcome", "failed-publish", "path", "http").counters()
                .stream().mapToDouble(c -> c.count()).sum();

        submit(SIMPLE.formatted("urn:example:5"), KEY)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Articles not taken in"));
        assertThat(registry.get("ingest.articles").tags("outcome", "failed-publish", "path", "http").counter().count())
                .isEqualTo(failedBefore + 1);
    }

    @Test
    void givesEveryArticleOfABatchTheCorrelationIdTheCallerSent() throws Exception {
        String batch = "[" + fromDesk("urn:example:6") + "," + fromDesk("urn:example:7") + "]";

        mvc.perform(post("/api/articles").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Api-Key", KEY)
                        .header(CorrelationIds.HEADER, "newsdesk-req:42").content(batch))
                .andExpect(status().isAccepted());

        assertThat(kafka.acknowledged).extracting(ArticleReceived::correlationId)
                .containsExactly("newsdesk-req:42", "newsdesk-req:42");
    }

    @Test
    void refusesAHeaderWithALineBreakBeforeItReachesTheIntake() throws Exception {
        // Spring Security's firewall: a header that could split a response or a log line never gets in.
        mvc.perform(post("/api/articles").contentType(MediaType.APPLICATION_JSON).header("X-Api-Key", KEY)
                        .header(CorrelationIds.HEADER, "desk\nX-Injected: yes").content(fromDesk("urn:example:11")))
                .andExpect(status().isBadRequest());

        assertThat(kafka.acknowledged).isEmpty();
    }

    @Test
    void givesEachArticleANewCorrelationIdWhenTheCallerSentNoneOrAnUnusableOne() throws Exception {
        String batch = "[" + fromDesk("urn:example:8") + "," + fromDesk("urn:example:9") + "]";
        submit(batch, KEY).andExpect(status().isAccepted());
        mvc.perform(post("/api/articles").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Api-Key", KEY)
                        .header(CorrelationIds.HEADER, "has spaces and (brackets)").content(fromDesk("urn:example:10")))
                .andExpect(status().isAccepted());

        assertThat(kafka.acknowledged).extracting(ArticleReceived::correlationId)
                .doesNotContainNull().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).doesNotContain(" ").hasSize(36));
    }

    /** From a source of its own, so the other tests' per-source counts stay as they expect. */
    private static String fromDesk(String guid) {
        return SIMPLE.formatted(guid).replace("example-wire", "newsdesk");
    }

    private ResultActions submit(String body, String key) throws Exception {
        return mvc.perform(post("/api/articles").contentType(MediaType.APPLICATION_JSON)
                .header("X-Api-Key", key).content(body));
    }
}
