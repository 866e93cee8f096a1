package org.newsroom.system;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same seeds scenario with Kafka and Elasticsearch in containers, for hosts with Docker. Where Docker is
 * absent JUnit reports the class as skipped, with the reason.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineContainersIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final ElasticsearchContainer ELASTICSEARCH =
            new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:9.5.2")
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms768m -Xmx768m");

    private static RunningPipeline pipeline;

    @BeforeAll
    static void startPipeline() throws IOException {
        pipeline = RunningPipeline.start(KAFKA.getBootstrapServers(), "http://" + ELASTICSEARCH.getHttpHostAddress(),
                RunningPipeline.freshHome("PipelineContainersIT"));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void droppedSeedsBecomeSearchableAndBinaryFilesAreSetAside() throws IOException {
        SeedsScenario.seedsBecomeSearchable(pipeline);
    }

    @Test
    @Order(2)
    void redroppingASeedDoesNotCreateASecondArticle() throws IOException {
        SeedsScenario.redroppedSeedAddsNoArticle(pipeline);
    }
}
