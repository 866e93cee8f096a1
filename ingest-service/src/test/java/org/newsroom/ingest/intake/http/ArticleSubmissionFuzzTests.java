package org.newsroom.ingest.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.intake.ArticleIntake;
import org.newsroom.ingest.intake.CorrelationIds;
import org.newsroom.ingest.metrics.IntakeMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Fuzz test (Jazzer) of {@code POST /api/articles} through the real MVC stack: whatever the body, content type
 * and correlation id, the answer is 202 with one id per article or a 4xx problem; never a 5xx, and never an
 * exception name or stack trace in the body. Regression mode replays {@code ArticleSubmissionFuzzTestsInputs}.
 */
@WebMvcTest(controllers = ArticleSubmissionController.class,
        properties = {"ingest.api-key=fuzz-key", "ingest.http.max-batch=8", "ingest.http.max-body-size=64KB"})
@Import(ArticleSubmissionFuzzTests.AcknowledgingKafka.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ArticleSubmissionFuzzTests {

    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=ISO-8859-1",
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""};
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 413, 415);

    /** Stands in for the broker and acknowledges every batch at once. */
    @TestConfiguration
    @EnableConfigurationProperties(IngestProperties.class)
    static class AcknowledgingKafka {

        @Bean
        ArticleIntake articleIntake() {
            return new ArticleIntake(articles -> { }, new IntakeMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        }
    }

    @Autowired
    MockMvc mvc;

    @FuzzTest
    void anyBodyIsAcceptedOrRefusedWithAProblem(FuzzedDataProvider data) throws Exception {
        String contentType = data.pickValue(CONTENT_TYPES);
        boolean rightKey = data.consumeProbabilityFloat() < 0.95f;
        String correlationId = data.consumeBoolean() ? data.consumeString(120) : null;
        byte[] body = data.consumeRemainingAsBytes();
        MockHttpServletRequestBuilder request = post("/api/articles").content(body)
                .header(ArticleSubmissionController.API_KEY_HEADER, rightKey ? "fuzz-key" : "guess");
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (correlationId != null) {
            request.header(CorrelationIds.HEADER, correlationId);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        String answer = response.getContentAsString();
        assertThat(answer).as("no exception or stack trace is shown to clients")
                .doesNotContain("Exception", "\tat ", "\"trace\"");
        if (response.getStatus() == 202) {
            assertThat(answer).contains("\"ids\"");
        } else {
            assertThat(response.getStatus()).as("a refusal is a 4xx problem: " + answer).isIn(REFUSALS);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
        }
    }
}
