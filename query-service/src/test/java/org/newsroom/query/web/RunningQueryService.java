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
        properties = {"live.heartbeat=300ms", "alerts.webhook-backoff=200ms"})
@ContextConfiguration(initializers = LocalEnginesInitializer.class)
public @interface RunningQueryService {
}
