package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LiveControllerTests {

    @Test
    void chargesAStreamToTheAuthenticatedUserWhereverTheyConnectFrom() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/stream");
        request.setRemoteAddr("203.0.113.7");
        request.setUserPrincipal(() -> "alice");

        assertThat(LiveController.client(request)).isEqualTo("user alice");
    }

    @Test
    void chargesAnAnonymousStreamToItsRemoteAddress() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/stream");
        request.setRemoteAddr("203.0.113.7");

        assertThat(LiveController.client(request)).isEqualTo("address 203.0.113.7");
    }
}
