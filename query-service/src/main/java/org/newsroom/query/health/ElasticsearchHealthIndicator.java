package org.newsroom.query.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * UP when the cluster answers {@code _cluster/health} yellow or green within {@link #TIMEOUT}. Replaces
 * Boot's Elasticsearch indicator, which waits as long as the client does: a hung node (the fault campaign
 * freezes it with SIGSTOP) left {@code /actuator/health} without an answer for the whole outage instead of
 * saying DOWN. One check runs at a time; while it still waits, later probes answer DOWN at once rather than
 * piling up threads.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ElasticsearchClient client;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("elasticsearch-health").daemon().factory());
    private Future<HealthResponse> pending;

    ElasticsearchHealthIndicator(ElasticsearchClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected synchronized void doHealthCheck(Health.Builder builder) throws Exception {
        if (pending == null || pending.isDone()) {
            pending = checker.submit(() -> client.cluster().health());
        }
        HealthResponse health;
        try {
            health = pending.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "no answer from Elasticsearch within " + TIMEOUT.toSeconds() + " s");
            return;
        }
        (health.status() == HealthStatus.Red ? builder.down() : builder.up())
                .withDetail("cluster_name", health.clusterName())
                .withDetail("status", health.status().jsonValue())
                .withDetail("number_of_nodes", health.numberOfNodes());
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
