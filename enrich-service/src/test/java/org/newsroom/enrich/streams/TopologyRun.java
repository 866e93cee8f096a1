package org.newsroom.enrich.streams;

import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;

/** A topology from {@code articles.raw.v1} to {@code articles.enriched.v1} on the test driver, exactly once as in production. */
record TopologyRun(TopologyTestDriver driver, TestInputTopic<String, ArticleReceived> raw,
                   TestOutputTopic<String, ArticleEnriched> enriched) {

    /** {@code topology} is built on {@code builder}, from the raw stream to what goes to the enriched topic. */
    static TopologyRun start(String applicationId, StreamsBuilder builder,
                             Function<KStream<String, ArticleReceived>, KStream<String, ArticleEnriched>> topology) {
        topology.apply(builder.stream(Topics.ARTICLES_RAW, Consumed.with(Serdes.String(), serde(ArticleReceived.class))))
                .to(Topics.ARTICLES_ENRICHED, Produced.with(Serdes.String(), serde(ArticleEnriched.class)));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config);
        return new TopologyRun(driver,
                driver.createInputTopic(Topics.ARTICLES_RAW, Serdes.String().serializer(),
                        serde(ArticleReceived.class).serializer()),
                driver.createOutputTopic(Topics.ARTICLES_ENRICHED, Serdes.String().deserializer(),
                        serde(ArticleEnriched.class).deserializer()));
    }
}
