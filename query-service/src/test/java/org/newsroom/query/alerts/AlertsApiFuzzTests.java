package org.newsroom.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.newsroom.outbound.Destinations;
import org.newsroom.outbound.OutboundPolicy;
import org.newsroom.query.web.QueryAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Fuzz test (Jazzer) of {@code /api/alerts} through the real MVC and security stack: whatever the method, path,
 * key and body, the answer is a success or a 4xx problem, never a 5xx or a stack trace; a saved search is only
 * ever created for a principal with the alerts role, and never with a webhook the outbound guard refuses.
 * Saved searches are kept in memory instead of Elasticsearch. Regression mode replays {@code AlertsApiFuzzTestsInputs}.
 */
@WebMvcTest(controllers = AlertsController.class, properties = {
        "newsroom.security.api-key=" + AlertsApiFuzzTests.KEY,
        "newsroom.security.keys[0].name=reader", "newsroom.security.keys[0].key=" + AlertsApiFuzzTests.READER_KEY,
        "newsroom.security.keys[0].roles=read"})
@Import({AlertsApiFuzzTests.InMemory.class, QueryAccess.class})
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AlertsApiFuzzTests {

    static final String KEY = "fuzz-alerts-key-0123456789abcdef";
    static final String READER_KEY = "fuzz-reader-key-0123456789abcdef";
    private static final String[] KEYS = {KEY, READER_KEY, "", "wrong-key-0123456789abcdef"};
    private static final HttpMethod[] METHODS = {HttpMethod.POST, HttpMethod.POST, HttpMethod.GET, HttpMethod.DELETE, HttpMethod.PUT};
    private static final String[] FIELDS = {"name", "query", "tag", "source", "agency", "language", "webhook", "owner", "id"};
    private static final String[] WEBHOOKS = {"http://127.0.0.1:9200/ssrf/_doc", "http://169.254.169.254/", "http://[::1]/",
            "http://0x7f000001/", "http://2130706433/", "http://10.1.2.3/", "https://hooks.example.com/x", "file:///etc/passwd",
            "gopher://127.0.0.1:6379/", "http://[::ffff:127.0.0.1]/", "http://localhost/"};
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 405, 409, 413, 415, 429);

    /** Saved searches in a map: what the controller asks of the index, without one. */
    @TestConfiguration
    @EnableConfigurationProperties(AlertProperties.class)
    static class InMemory {

        @Bean
        SavedSearches savedSearches(AlertProperties properties) {
            Map<String, Alert> saved = new ConcurrentHashMap<>();
            return new SavedSearches(null, null, properties, null) {
                @Override
                Alert create(AlertRequest request, String owner) {
                    Alert alert = request.toAlert(java.util.UUID.randomUUID().toString(), java.time.Instant.now(), owner);
                    saved.put(alert.id(), alert);
                    return alert;
                }

                @Override
                List<Alert> all() {
                    return List.copyOf(saved.values());
                }

                @Override
                Optional<Alert> find(String id) {
                    return Optional.ofNullable(saved.get(id));
                }

                @Override
                boolean delete(String id) {
                    return saved.remove(id) != null;
                }
            };
        }

        /** Feeds without an index: the saved search's empty feed. */
        @Bean
        AlertFeed alertFeed() {
            return new AlertFeed(null, null) {
                @Override
                String feed(Alert alert) {
                    return atom(alert, List.of(), java.time.Instant.now());
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    private final Destinations guard = new Destinations(OutboundPolicy.allowing(List.of()));

    @FuzzTest
    void anyRequestIsAnsweredOrRefusedWithAProblemAndNoInternalWebhookIsSaved(FuzzedDataProvider data) throws Exception {
        HttpMethod method = data.pickValue(METHODS);
        String id = data.consumeBoolean() ? null : data.consumeString(80);
        String key = data.pickValue(KEYS);
        StringBuilder body = new StringBuilder("{");
        for (int i = data.consumeInt(0, 6); i > 0; i--) {
            String field = data.pickValue(FIELDS);
            String value = field.equals("webhook") && data.consumeBoolean() ? data.pickValue(WEBHOOKS) : data.consumeString(200);
            body.append(body.length() > 1 ? "," : "").append('"').append(field).append("\":\"")
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        String json = data.consumeBoolean() ? body.append('}').toString() : data.consumeRemainingAsString();
        MockHttpServletRequestBuilder request = (id == null ? request(method, "/api/alerts") : request(method, "/api/alerts/{id}", id))
                .contentType(MediaType.APPLICATION_JSON).content(json);
        if (!key.isEmpty()) {
            request.header("X-Api-Key", key);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        String answer = response.getContentAsString();
        assertThat(answer).as("no exception or stack trace is shown to clients").doesNotContain("Exception", "\tat ", "\"trace\"");
        int status = response.getStatus();
        if (status >= 300) {
            assertThat(status).as("a refusal is a 4xx: " + answer).isIn(REFUSALS);
        }
        if (status == 201) {
            assertThat(key).as("only a principal with the alerts role saves a search").isEqualTo(KEY);
            int hook = answer.indexOf("\"webhook\":\"");
            if (hook >= 0) {
                String webhook = answer.substring(hook + 11, answer.indexOf('"', hook + 11));
                guard.check(URI.create(webhook));
            }
        }
    }
}
