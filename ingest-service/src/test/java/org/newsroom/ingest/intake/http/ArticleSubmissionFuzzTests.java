package org.newsroom.ingest.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
 * Fuzz test (Jazzer) of {@code POST /api/articles} through the real MVC stack: whatever the body and correlation
 * id, the answer is 202 with one id per article or a 4xx problem; never a 5xx, and never an
 * exception name or stack trace in the body. Regression mode replays {@code ArticleSubmissionFuzzTestsInputs}.
 */
@WebMvcTest(controllers = ArticleSubmissionController.class,
        properties = {"newsroom.security.api-key=fuzz-key-0123456789abcdef", "ingest.http.max-batch=8", "newsroom.http.max-body-size=64KB"})
@Import(ArticleSubmissionFuzzTests.AcknowledgingKafka.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ArticleSubmissionFuzzTests {

    private static final String[] CORRELATION_IDS = {"", "newsdesk-req:42", " ", "x".repeat(300), "a\r\nX-Injected: 1",
            "\u0000", "ünï-cøde", "../../etc/passwd"};
    private static final Set<Integer> REFUSALS = Set.of(400, 413);

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

    /** The whole input is the body, so seeds stay whole documents; the body's length picks the correlation id. */
    @FuzzTest
    void anyBodyIsAcceptedOrRefusedWithAProblem(byte[] body) throws Exception {
        String correlationId = CORRELATION_IDS[body.length % CORRELATION_IDS.length];
        MockHttpServletRequestBuilder request = post("/api/articles").content(body).contentType("application/json")
                .header("X-Api-Key", "fuzz-key-0123456789abcdef");
        if (!correlationId.isEmpty()) {
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
