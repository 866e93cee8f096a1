package org.newsroom.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LocalEnginesIT {

    @Test
    void startsARealKafkaBrokerThatAcceptsConnections() throws Exception {
        String[] hostPort = LocalEngines.kafkaBootstrapServers().split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            assertThat(socket.isConnected()).isTrue();
        }
        assertThat(LocalEngines.kafka().process().logTail(400)).contains("Kafka Server started");
    }

    @Test
    void startsARealElasticsearchNodeReportingItsVersion() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(LocalEngines.elasticsearchUrl() + "/_nodes/_local?filter_path=nodes.*.version")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"version\":\"9.5.2\"");
        }
    }
}
