package org.newsroom.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class RequestBodyLimitTests {

    private static final int LIMIT = 1024;

    private final RequestBodyLimit limit = new RequestBodyLimit(new HttpLimits(DataSize.ofBytes(LIMIT)));
    private final EchoServlet controller = new EchoServlet();

    @Test
    void passesABodyWithinTheLimitUntouched() throws Exception {
        byte[] body = alert(LIMIT);

        MockHttpServletResponse response = post(withLength(body));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(controller.received).isEqualTo(body);
    }

    @Test
    void passesAChunkedBodyWithinTheLimitWhole() throws Exception {
        byte[] body = alert(LIMIT);

        MockHttpServletResponse response = post(chunked(body));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(controller.received).isEqualTo(body);
    }

    @Test
    void refusesABodyDeclaredOverTheLimitWithAProblemDetail() throws Exception {
        MockHttpServletResponse response = post(withLength(alert(LIMIT + 1)));

        assertRefused(response);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWithAProblemDetail() throws Exception {
        MockHttpServletResponse response = post(chunked(alert(LIMIT + 1)));

        assertRefused(response);
    }

    @Test
    void letsARequestWithoutABodyThrough() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/search");

        MockHttpServletResponse response = post(request);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(controller.received).isEmpty();
    }

    private void assertRefused(MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(JsonMapper.shared().readValue(response.getContentAsString(), Map.class)).isEqualTo(Map.of(
                "type", "about:blank", "title", "Request body too large", "status", 413,
                "detail", "a request body may be at most 1024 bytes (newsroom.http.max-body-size)", "instance", "/api/alerts"));
        assertThat(controller.received).isNull();
    }

    private MockHttpServletResponse post(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain(controller));
        return response;
    }

    /** A saved search of exactly {@code size} bytes of JSON. */
    private static byte[] alert(int size) {
        String start = "{\"name\":\"Venezuela\",\"query\":\"";
        String end = "\"}";
        return (start + "x".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.UTF_8);
    }

    private static MockHttpServletRequest withLength(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/alerts");
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }

    /** As Tomcat presents a body sent with {@code Transfer-Encoding: chunked}: no length known up front. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/alerts") {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContentType("application/json");
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body);
        return request;
    }

    /** Stands in for a controller: reads the whole body, as a {@code @RequestBody} does. */
    private static final class EchoServlet extends HttpServlet {

        byte[] received;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            received = request.getInputStream().readAllBytes();
            response.setStatus(200);
        }
    }
}
