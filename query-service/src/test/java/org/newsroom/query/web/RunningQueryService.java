package org.newsroom.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.newsroom.query.QueryApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole query-service on a random port, wired to the real Kafka broker and Elasticsearch node of
 * {@code LocalEngines}. Every test class with this annotation shares one application context: keep it that
 * way, since the indexing listener's consumer group is its fixed id, and a second context in the same test
 * JVM would take half the partitions (and the {@code ArticlesIndexed} events) away from the first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QueryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Test webhooks listen on 127.0.0.2, which the outbound guard refuses unless allowed; 127.0.0.1, where
        // Elasticsearch listens, stays refused, as in production.
        properties = {"live.heartbeat=300ms", "alerts.webhook-backoff=200ms", "alerts.webhook-allow=127.0.0.2/32",
                "newsroom.security.api-key=" + RunningQueryService.API_KEY,
                "newsroom.security.keys[0].name=other-desk", "newsroom.security.keys[0].key=" + RunningQueryService.OTHER_DESK_KEY,
                "newsroom.security.keys[0].roles=alerts",
                "newsroom.security.keys[1].name=reader", "newsroom.security.keys[1].key=" + RunningQueryService.READER_KEY,
                "newsroom.security.keys[1].roles=read"})
@ContextConfiguration(initializers = LocalEnginesInitializer.class)
public @interface RunningQueryService {

    /** The local principal's key on this service: every role, for the tests' saved searches. */
    String API_KEY = "query-it-key-0123456789abcdef";
    /** A principal that may keep saved searches of its own, nothing else. */
    String OTHER_DESK_KEY = "other-desk-key-0123456789abcdef";
    /** A principal that may only read. */
    String READER_KEY = "reader-key-0123456789abcdef";
}
