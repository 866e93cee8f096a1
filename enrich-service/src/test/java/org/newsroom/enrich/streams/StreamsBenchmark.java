package org.newsroom.enrich.streams;

import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.test.TestRecord;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.ServiceDefaults;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprinter;
import org.newsroom.enrich.memory.Memory;
import org.newsroom.enrich.routing.TagRoutes;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./newsroom streams-bench [data] [articles] [warm-up runs] [measured runs]}: thread CPU and bytes allocated per
 * article by the production topology on Kafka's test driver (exactly-once, the service's default routes; in-memory
 * stores), Reuters-21578 in publication order, one arrival a second, against what the core alone costs on the same
 * articles: {@link Enricher#draft} with the dedup fingerprint (the articles task's work) and {@link Memory#see} (the
 * memory task's). The difference is the Streams layer as the driver runs it: serdes, the internal records between the tasks, state
 * stores, the version gate, publishing. Not the broker, the producer's compression or the network: those are the
 * bench's ({@code ./newsroom bench}). Allocation drives the collector, whose threads this does not count.
 */
public final class StreamsBenchmark {

    private static final Instant START = Instant.parse("2019-05-06T08:00:00Z");

    public static void main(String[] args) throws IOException {
        // Logged as the service logs (INFO: a line per article published), not logback's unconfigured DEBUG.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = Files.createTempDirectory("streams-bench");
        TaggingProperties tagging = ServiceDefaults.tagging("streams-bench-rules.yaml"); // routes as the service does
        Enricher enricher = ServiceDefaults.enricher("bench", tagging);
        List<ArticleReceived> articles = articles(data.resolve("reuters21578"), count);
        System.out.printf("[streams-bench] %d Reuters stories in publication order, %d warm-up and %d measured runs%n",
                articles.size(), warmUps, measured);
        double[] topology = new double[2];
        double[] core = new double[2];
        for (int run = 0; run < warmUps + measured; run++) {
            double[] t = topology(articles, enricher, tagging, dir.resolve("run-" + run));
            double[] c = core(articles, enricher);
            System.out.printf("[streams-bench] run %d%s: topology %.3f ms, %.0f KB; core %.3f ms, %.0f KB per article%n",
                    run + 1, run < warmUps ? " (warm-up)" : "", t[0], t[1], c[0], c[1]);
            if (run >= warmUps) {
                for (int i = 0; i < 2; i++) {
                    topology[i] += t[i] / measured;
                    core[i] += c[i] / measured;
                }
            }
        }
        System.out.printf("[streams-bench] per article, mean of the measured runs: topology %.3f ms CPU, %.0f KB allocated;"
                        + " core (draft, fingerprint, Memory.see) %.3f ms, %.0f KB; Streams layer %.3f ms, %.0f KB%n",
                topology[0], topology[1], core[0], core[1], topology[0] - core[0], topology[1] - core[1]);
    }

    /** CPU ms and KB allocated per article by the whole topology, this thread (the driver runs it all here). */
    private static double[] topology(List<ArticleReceived> articles, Enricher enricher, TaggingProperties tagging,
                                     Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        EnrichmentMetrics metrics = new EnrichmentMetrics(new SimpleMeterRegistry());
        KStream<String, ArticleReceived> raw = builder.stream(Topics.ARTICLES_RAW,
                Consumed.with(Serdes.String(), serde(ArticleReceived.class)));
        // In-memory stores: the driver flushes RocksDB and writes checkpoints after every record (fsyncs were most of
        // its time), which the runtime does not do under exactly-once; RocksDB's own cost is the bench's to measure.
        KStream<String, ArticleEnriched> told = ArticleFlow.of(builder, raw, enricher, DedupSettings.defaults(),
                Duration.ofDays(30), Duration.ofDays(90), false, metrics);
        Publishing.publish(told, Topics.ARTICLES_ENRICHED, new TagRoutes(tagging.routedTags(), tagging.routedSchemes()),
                TagRouting.topics(), (id, article) -> EnrichmentTopology.published(id, article, metrics));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "streams-bench");
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        List<TestRecord<byte[], byte[]>> events = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            events.add(Articles.rawEvent(articles.get(i), START.plusSeconds(i)));
        }
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(Topics.ARTICLES_RAW, new ByteArraySerializer(),
                    new ByteArraySerializer());
            long[] before = usage();
            for (int i = 0; i < events.size(); i++) {
                input.pipeInput(events.get(i));
                if (i % 100 == 99) {
                    // What the topology wrote, dropped as the broker would take it: the driver keeps it otherwise.
                    driver.producedTopicNames().forEach(topic -> driver.createOutputTopic(topic,
                            new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList());
                }
            }
            return perArticle(before, usage(), articles.size());
        }
    }

    /** The same articles through the core alone: the articles task's draft and fingerprint, then memory's answers. */
    private static double[] core(List<ArticleReceived> articles, Enricher enricher) {
        Fingerprinter fingerprinter = new Fingerprinter(DedupSettings.defaults());
        Memory memory = enricher.newMemory().orElseThrow();
        long[] before = usage();
        for (ArticleReceived article : articles) {
            Enricher.Draft draft = enricher.draft(article);
            fingerprinter.fingerprint(article.articleId(), article.publishedAt(), draft.article().paragraphs());
            memory.see(draft.facts());
        }
        return perArticle(before, usage(), articles.size());
    }

    private static long[] usage() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return new long[]{threads.getCurrentThreadCpuTime(), threads.getCurrentThreadAllocatedBytes()};
    }

    private static double[] perArticle(long[] before, long[] after, int articles) {
        return new double[]{(after[0] - before[0]) / 1e6 / articles, (after[1] - before[1]) / 1024.0 / articles};
    }

    /** Distinct Reuters stories with a date and a body, in publication order. */
    private static List<ArticleReceived> articles(Path reuters, int count) {
        Set<String> bodies = new HashSet<>();
        List<ReutersStory> stories = new ArrayList<>();
        for (ReutersStory story : Reuters21578.read(reuters)) {
            if (story.date() != null && !story.paragraphs().isEmpty() && bodies.add(story.body())) {
                stories.add(story);
            }
        }
        stories.sort(Comparator.comparing(ReutersStory::date).thenComparingInt(ReutersStory::newId));
        return stories.stream().limit(count).map(s -> Articles.article("reuters-" + s.newId(), "reuters", s.date(),
                s.title(), s.paragraphs())).toList();
    }

    private StreamsBenchmark() {
    }
}
