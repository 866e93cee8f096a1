package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.newsroom.query.web.QueryAccess;
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
 * Fuzz test (Jazzer) of {@code GET /api/stream} through the real MVC and security stack: whatever the filters, the
 * answer is an open event stream or a 4xx problem, never a 5xx or a stack trace, and a stream is only ever opened
 * for a filter the matcher accepts. Streams are closed after each input so the caps do not fill up.
 * Regression mode replays {@code LiveStreamApiFuzzTestsInputs}.
 */
@WebMvcTest(controllers = LiveController.class)
// MockMvc's result printer reads the response's headers while the stream's own sender thread may still be writing
// them (a stream is asynchronous): a harness race, found by fuzzing, not the service's. Nothing is printed.
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc(
        print = org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint.NONE, printOnlyOnFailure = false)
@Import({LiveStreamApiFuzzTests.Streams.class, QueryAccess.class})
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LiveStreamApiFuzzTests {

    private static final String[] PARAMETERS = {"q", "tag", "entity", "source", "agency", "language", "duplicates"};
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 429, 503);

    @TestConfiguration
    @EnableConfigurationProperties(LiveProperties.class)
    static class Streams {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        LiveStreams liveStreams(LiveProperties properties, MeterRegistry registry) {
            return new LiveStreams(properties, registry);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    LiveStreams streams;

    @FuzzTest
    void anyFilterOpensAStreamOrIsRefusedWithAProblem(FuzzedDataProvider data) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/stream");
        for (int i = data.consumeInt(0, 8); i > 0; i--) {
            String name = data.consumeBoolean() ? data.pickValue(PARAMETERS) : data.consumeString(20);
            request.queryParam(name, data.consumeString(300));
        }
        MockHttpServletResponse response;
        try {
            response = mvc.perform(request).andReturn().getResponse();
        } finally {
            streams.closeOpen();
        }

        String answer = response.getContentAsString();
        assertThat(answer).as("no exception or stack trace is shown to clients").doesNotContain("Exception", "\tat ", "\"trace\"");
        if (response.getStatus() != 200) {
            assertThat(response.getStatus()).as("a refusal is a 4xx problem: " + answer).isIn(REFUSALS);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
    }
}
