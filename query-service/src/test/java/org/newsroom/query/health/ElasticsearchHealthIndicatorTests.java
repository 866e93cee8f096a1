package org.newsroom.query.health;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ElasticsearchHealthIndicatorTests {

    @Test
    void isDownWithinItsTimeoutWhenTheNodeAcceptsButNeverAnswers() throws Exception {
        // Like a node frozen with SIGSTOP: the kernel accepts the connection, nothing ever answers.
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket hung = new ServerSocket(0);
             ElasticsearchClient client = ElasticsearchClient.of(b -> b.host("http://127.0.0.1:" + hung.getLocalPort()))) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(hung.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            ElasticsearchHealthIndicator indicator = new ElasticsearchHealthIndicator(client);

            for (int probe = 0; probe < 2; probe++) {
                Instant start = Instant.now();
                Health health = indicator.health();

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails().get("error").toString()).contains("no answer");
                assertThat(Duration.between(start, Instant.now()))
                        .isLessThan(ElasticsearchHealthIndicator.TIMEOUT.plusSeconds(3));
            }
            indicator.destroy();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
