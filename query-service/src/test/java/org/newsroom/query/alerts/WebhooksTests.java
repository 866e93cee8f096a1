package org.newsroom.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.AlertMatched;

class WebhooksTests {

    @Test
    void aDeliveryIsACloudEventInHttpBinaryModeWithTheKafkaRecordsAttributes() {
        UUID eventId = UUID.randomUUID();
        AlertMatched match = new AlertMatched(eventId, Instant.parse("2019-05-06T10:00:00Z"), "a1", "Venezuela watch",
                "article-1", "Pompeo in Russia");

        assertThat(Webhooks.headers(match))
                .containsEntry("ce-specversion", "1.0")
                .containsEntry("ce-id", eventId.toString())
                .containsEntry("ce-source", "/newsroom/query-service")
                .containsEntry("ce-type", "org.newsroom.alert.matched.v1")
                .containsEntry("ce-time", "2019-05-06T10:00:00Z")
                .containsEntry("ce-subject", "article-1")
                .containsEntry("X-Newsroom-Event-Id", eventId.toString())
                .doesNotContainKey("content-type");
    }
}
