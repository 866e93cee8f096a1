package org.newsroom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroom.contracts.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where drop-to-searchable time goes. One read-committed consumer follows the topics an article crosses and notes
 * when each article id first becomes visible on each, on this machine's clock (the one the send time and the search
 * poll use): the raw topic (ingest has committed it), the memory task's input (enrich's articles task has committed
 * its findings) and the enriched topic (the memory task has committed the told article). With query-service's
 * {@code indexedAt} and the search that first found it, an article's time splits into five hops. The consumer adds
 * its own fetch round trip to each visibility time (a few ms on one machine).
 */
final class Hops implements AutoCloseable {

    /** The hops in order, each named after what it measures. */
    static final List<String> NAMES = List.of("send to raw (ingest)", "raw to findings (enrich articles task)",
            "findings to enriched (enrich memory task)", "enriched to indexed (query-service)",
            "indexed to searchable (refresh, search poll)");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final String findingsTopic;
    private final AtomicLong unreadable = new AtomicLong();
    private final Map<String, String> articleOfGuid = new ConcurrentHashMap<>();
    private final Map<String, Long> raw = new ConcurrentHashMap<>();
    private final Map<String, Long> findings = new ConcurrentHashMap<>();
    private final Map<String, Long> enriched = new ConcurrentHashMap<>();
    private final Thread follower;
    private volatile boolean running = true;

    /** Follows the three topics from their current ends: what was written before is not watched. */
    Hops(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-hops");
        // A fetch answers as soon as one record is there; the wait only bounds an empty one.
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        findingsTopic = findingsTopic(bootstrapServers);
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.ARTICLES_RAW, findingsTopic, Topics.ARTICLES_ENRICHED)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        follower = Thread.ofPlatform().daemon().name("bench-hops").start(this::follow);
    }

    /**
     * The memory task's input, found the way query-service finds a replay's internal topics: Kafka Streams names a
     * repartition topic {@code <application id>-<name>-repartition}, the application id is its consumer group, and
     * enrich's topology has one repartition topic.
     */
    private static String findingsTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId).collect(Collectors.toSet());
            return findingsTopic(admin.listTopics().names().get(10, TimeUnit.SECONDS), groups);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not list the topics and groups to find enrich's findings topic", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String findingsTopic(Collection<String> topics, Collection<String> groups) {
        List<String> found = topics.stream()
                .filter(t -> groups.stream().anyMatch(group -> LagMonitor.isRepartitionOf(group, t))).sorted().toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one Streams repartition topic (enrich's findings), found " + found);
        }
        return found.getFirst();
    }

    private void follow() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    note(record, System.currentTimeMillis());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            Progress.say("hops: stopped following (" + e + "); later articles have no per-hop times");
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void note(ConsumerRecord<String, byte[]> record, long now) {
        if (record.key() == null) {
            return;
        }
        if (record.topic().equals(Topics.ARTICLES_RAW)) {
            raw.putIfAbsent(record.key(), now);
            String guid = guid(record);
            if (guid != null) {
                articleOfGuid.putIfAbsent(guid, record.key());
            }
        } else if (record.topic().equals(findingsTopic)) {
            findings.putIfAbsent(record.key(), now);
        } else {
            enriched.putIfAbsent(record.key(), now);
        }
    }

    /** The raw article's guid; an article that cannot be read is counted and goes without hops. */
    private String guid(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return JSON.readTree(record.value()).path("guid").asString(null);
        } catch (JacksonException e) {
            if (unreadable.incrementAndGet() == 1) {
                Progress.say("hops: raw article " + record.key() + " is not JSON (" + e.getOriginalMessage()
                        + "); such articles go without per-hop times");
            }
            return null;
        }
    }

    /**
     * One article's hops in seconds, in the order of {@link #NAMES}; NaN for a hop whose end or start was not seen
     * (an article sent before this follower started, or one without {@code indexedAt}).
     */
    double[] of(String guid, long sentAtMillis, double indexedSeconds, double searchableSeconds) {
        String articleId = articleOfGuid.get(guid);
        Long rawAt = articleId == null ? null : raw.get(articleId);
        Long findingsAt = articleId == null ? null : findings.get(articleId);
        Long enrichedAt = articleId == null ? null : enriched.get(articleId);
        double indexedAt = sentAtMillis + indexedSeconds * 1000;
        double[] marks = {sentAtMillis, at(rawAt), at(findingsAt), at(enrichedAt), indexedAt,
                sentAtMillis + searchableSeconds * 1000};
        double[] hops = new double[marks.length - 1];
        for (int i = 0; i < hops.length; i++) {
            hops[i] = (marks[i + 1] - marks[i]) / 1000.0;
        }
        return hops;
    }

    private static double at(Long millis) {
        return millis == null ? Double.NaN : millis;
    }

    /** Percentiles per hop over the given articles. */
    static Map<String, Percentiles> percentiles(List<double[]> hops) {
        Map<String, Percentiles> byHop = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            int hop = i;
            byHop.put(NAMES.get(i), Percentiles.of(hops.stream().map(h -> h[hop]).filter(d -> !d.isNaN()).toList()));
        }
        return byHop;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        follower.join(5000);
        if (unreadable.get() > 0) {
            Progress.say("hops: " + unreadable.get() + " raw article(s) could not be read and have no per-hop times");
        }
    }
}
