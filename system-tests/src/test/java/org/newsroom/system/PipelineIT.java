package org.newsroom.system;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsroom.localstack.LocalEngines;

/** The seeds scenario on real Kafka and Elasticsearch processes started by the local stack. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static RunningPipeline pipeline;

    @BeforeAll
    static void startPipeline() throws IOException {
        pipeline = RunningPipeline.start(LocalEngines.kafkaBootstrapServers(), LocalEngines.elasticsearchUrl(),
                RunningPipeline.freshHome("PipelineIT"));
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
