package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.localstack.LocalEngines;
import org.newsroom.localstack.ServiceProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same answers whatever runs them (issue 12, "same answers"): the same raw articles go through enrich-service
 * once on three instances, one of which is SIGKILLed mid-stream and started again, once on one instance stopped
 * mid-stream and started again (its memory rebuilt from its stores), and once on a single instance with one stream
 * thread. Each run is a replay run of its own (own application id, state and output topic), both
 * over the whole raw topic. The last record per article must be the same in both, on every field but the event id
 * and the enrichment time; each run must tell every article, and no event twice.
 */
class EnrichDeterminismIT {

    private static final int STORIES = 40;
    private static final int COPIES = 20;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** The broker is shared with the other system tests: only this test's articles are judged. */
    private static final String PREFIX = "determinism-" + RUN + "-";
    private static final JsonMapper JSON = EnrichProcesses.JSON;
    private static final String MEMORY_TASK = "1_0";
    private static final UUID ANY_EVENT = new UUID(0, 0);
    private static final Instant ANY_TIME = Instant.EPOCH;

    @Test
    void threeInstancesWithOneKilledAndARestartedInstanceEndInTheAnswersOfOne() throws Exception {
        String kafka = LocalEngines.kafkaBootstrapServers();
        EnrichProcesses.ensureRawTopic(kafka);
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
            // A replay run's output topic is made by whoever starts the run (./newsroom reprocess), not by enrich.
            admin.createTopics(List.of(new NewTopic(Topics.replayOf(replay("three")), 3, (short) 1),
                    new NewTopic(Topics.replayOf(replay("one")), 3, (short) 1),
                    new NewTopic(Topics.replayOf(replay("restarted")), 3, (short) 1))).all().get();
        }
        Path home = RunningPipeline.freshHome("enrich-determinism");
        List<ArticleReceived> articles = articles();

        Map<String, ArticleEnriched> three;
        try (KafkaProducer<String, String> producer = EnrichProcesses.producer(kafka)) {
            List<ServiceProcess> instances = new ArrayList<>();
            try {
                for (String instance : List.of("a", "b", "c")) {
                    instances.add(enrich(kafka, home, "three", instance, 2));
                }
                instances.forEach(ServiceProcess::awaitUp);
                for (int i = 0; i < articles.size(); i++) {
                    EnrichProcesses.send(producer, articles.get(i));
                    if (i == articles.size() / 2) {
                        // A crash of the instance that runs the memory task: no commit, no leaving the group. The
                        // task moves (or comes back), its stores are restored from the changelogs, and it rebuilds
                        // the dedup index and the people and stories from held-articles.
                        int host = memoryTaskHost(instances);
                        System.out.printf("[determinism] SIGKILL of instance %s after %d of %d articles%n",
                                List.of("a", "b", "c").get(host), i + 1, articles.size());
                        instances.get(host).process().kill();
                        instances.set(host, enrich(kafka, home, "three", List.of("a", "b", "c").get(host), 2));
                    }
                    Thread.sleep(50);
                }
                instances.forEach(ServiceProcess::awaitUp);
                three = lastRecords(kafka, "three", articles.size());
            } finally {
                instances.forEach(ServiceProcess::close);
            }
        }
        Map<String, ArticleEnriched> one;
        try (ServiceProcess single = enrich(kafka, home, "one", "a", 1)) {
            single.awaitUp();
            one = lastRecords(kafka, "one", articles.size());
        }

        // The service stopped mid-stream and started again (as a whole-stack restart stops it): its memory is rebuilt
        // from held-articles, and what it tells after the restart must still be what an uninterrupted run tells.
        Map<String, ArticleEnriched> restarted;
        try (ServiceProcess first = enrich(kafka, home, "restarted", "a", 2)) {
            first.awaitUp();
            awaitTold(kafka, "restarted", articles.size() / 3);
        }
        try (ServiceProcess again = enrich(kafka, home, "restarted", "a", 2)) {
            again.awaitUp();
            restarted = lastRecords(kafka, "restarted", articles.size());
        }

        assertThat(three.keySet()).containsExactlyInAnyOrderElementsOf(one.keySet());
        assertThat(restarted.keySet()).containsExactlyInAnyOrderElementsOf(one.keySet());
        for (String articleId : one.keySet()) {
            assertThat(three.get(articleId)).as("three instances: %s", articleId).isEqualTo(one.get(articleId));
            assertThat(restarted.get(articleId)).as("restarted: %s", articleId).isEqualTo(one.get(articleId));
        }
        // Guaido by the spelling most reports write, though the first one sent writes "Gudaio".
        ArticleEnriched misspelt = one.get(PREFIX + "venezuela-0");
        assertThat(misspelt.entities()).extracting(Entity::id).contains("person:juan-guaido")
                .doesNotContain("person:juan-gudaio");
        assertThat(one.values()).filteredOn(a -> a.articleId().endsWith("-copy"))
                // A duplicate, of its original or of an earlier test's copy of the same Reuters story (the raw topic is
                // shared, and the dedup window counts arrivals): which one is the same in every run, checked above.
                .hasSize(COPIES).allSatisfy(copy -> assertThat(copy.dedup().status()).isNotEqualTo(DedupStatus.original));
    }

    /**
     * Three reports naming one person, the first (sent first) misspelt "Juan Gudaio", {@value #STORIES} Reuters
     * stories and {@value #COPIES} republished copies of them, every other copy sent before its original (an original
     * published earlier turning up later revises the copy). Dated in 2031, years from anything other tests write to
     * the shared raw topic, which every replay run also reads: no other article falls in these articles' windows.
     * Not the seeds themselves: the pipeline tests that follow count the seeds they find by searching.
     */
    private static List<ArticleReceived> articles() {
        List<ArticleReceived> articles = new ArrayList<>();
        Instant published = Instant.parse("2031-01-01T00:00:00Z");
        String[] spellings = {"Gudaio", "Guaido", "Guaido"};
        for (int i = 0; i < spellings.length; i++) {
            String name = "Juan " + spellings[i];
            articles.add(article(PREFIX + "venezuela-" + i, "wire-" + i, name + " meets European envoys in Caracas",
                    List.of("CARACAS, Jan 1 - Venezuelan opposition leader " + name + " met European envoys on "
                                    + "Tuesday to discuss new elections, his office said.",
                            name + " told reporters the talks had been useful and that he expected more meetings "
                                    + "in the coming weeks.",
                            "The government of Nicolas Maduro did not comment on the meeting with " + name + "."),
                    published.plus(Duration.ofHours(i))));
        }
        List<ReutersStory> stories = EnrichProcesses.distinctStories(STORIES);
        for (int i = 0; i < stories.size(); i++) {
            ReutersStory story = stories.get(i);
            ArticleReceived original = article(PREFIX + story.newId() + "-orig", "reuters", story.title(),
                    story.paragraphs(), published.plusSeconds(60L * i));
            if (i < COPIES) {
                ArticleReceived copy = article(PREFIX + story.newId() + "-copy", "republisher", "UPDATE 1-" + story.title(),
                        story.paragraphs(), published.plusSeconds(60L * i + 3600));
                articles.addAll(i % 2 == 0 ? List.of(copy, original) : List.of(original, copy));
            } else {
                articles.add(original);
            }
        }
        return articles;
    }

    private static ArticleReceived article(String id, String source, String headline, List<String> paragraphs,
                                           Instant publishedAt) {
        return new ArticleReceived(UUID.randomUUID(), Instant.parse("2031-01-02T00:00:00Z"), id, 1,
                new Source(source, SourceKind.http, null), "text", null, null, headline, paragraphs, publishedAt, null,
                null, "en", List.of(), null, null);
    }

    /** An enrich instance of a replay run: its own application id, state and output topic, no tag routing. */
    private static ServiceProcess enrich(String kafka, Path home, String run, String instance, int threads)
            throws IOException {
        return EnrichProcesses.launch(kafka, home, run + "-" + instance, Map.of("ENRICH_REPLAY", replay(run),
                "SPRING_KAFKA_STREAMS_APPLICATIONID", "enrich-determinism-" + RUN + "-" + run,
                "ENRICH_STREAM_THREADS", Integer.toString(threads)));
    }

    /**
     * Which instance was last given the memory task (task {@value #MEMORY_TASK}: sub-topology 1, one partition), by
     * their logs ("New active tasks: [...]" follows the log line, with its time, of each thread's assignment); the
     * first if none says so yet.
     */
    private static int memoryTaskHost(List<ServiceProcess> instances) throws IOException {
        int host = 0;
        String latest = "";
        for (int i = 0; i < instances.size(); i++) {
            String time = "";
            for (String line : Files.readAllLines(instances.get(i).process().log())) {
                if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                    time = line.substring(0, Math.min(24, line.length()));
                } else if (line.contains("New active tasks: [") && line.contains(MEMORY_TASK) && time.compareTo(latest) > 0) {
                    latest = time;
                    host = i;
                }
            }
        }
        return host;
    }

    private static String replay(String run) {
        return "determinism-" + RUN + "-" + run;
    }

    /**
     * The last committed record per article of a run, read until every article was told and nothing more came for
     * 15 s (revisions follow the arrival that causes them within a commit). Checks that no event was told twice.
     */
    private static Map<String, ArticleEnriched> lastRecords(String kafka, String run, int expected) throws Exception {
        Map<String, ArticleEnriched> last = new TreeMap<>();
        List<String> events = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        Instant quietSince = Instant.now();
        try (KafkaConsumer<String, String> consumer = consumer(kafka, run)) {
            // Quiet alone is not enough: a memory task restored after a SIGKILL may be silent for longer while it
            // rebuilds, with revisions still to come; the run is done once its group has read all its input.
            while (last.size() < expected || Duration.between(quietSince, Instant.now()).toSeconds() < 15
                    || !settled(kafka, "enrich-determinism-" + RUN + "-" + run)) {
                assertThat(Instant.now()).as("run %s told %d of %d articles", run, last.size(), expected)
                        .isBefore(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || !record.key().startsWith(PREFIX)) {
                        continue;
                    }
                    quietSince = Instant.now();
                    ArticleEnriched article = JSON.readValue(record.value(), ArticleEnriched.class);
                    events.add(record.key() + "/" + article.eventId());
                    last.put(record.key(), comparable(article));
                }
            }
        }
        assertThat(events).as("events of run %s", run).doesNotHaveDuplicates();
        return last;
    }

    /** The run's Streams application has committed its whole input: the raw topic and its findings repartition. */
    private static boolean settled(String kafka, String applicationId) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
            long topics = committed.keySet().stream().map(org.apache.kafka.common.TopicPartition::topic).distinct().count();
            if (topics < 2) {
                return false; // the memory task has not committed its input yet
            }
            var latest = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                    p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            return committed.entrySet().stream().allMatch(e -> e.getValue() != null
                    && e.getValue().offset() >= latest.get(e.getKey()).offset());
        }
    }

    /** Waits until a run has told at least {@code count} of our articles (mid-stream, for a restart). */
    private static void awaitTold(String kafka, String run, int count) {
        Set<String> told = new HashSet<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        try (KafkaConsumer<String, String> consumer = consumer(kafka, run + "-partial", run)) {
            while (told.size() < count) {
                assertThat(Instant.now()).as("run %s told %d of %d articles", run, told.size(), count).isBefore(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(PREFIX)) {
                        told.add(record.key());
                    }
                }
            }
        }
    }

    /** Event id and enrichment time differ by design from run to run. */
    private static ArticleEnriched comparable(ArticleEnriched a) {
        return new ArticleEnriched(ANY_EVENT, ANY_TIME, a.articleId(), a.version(), a.source(), a.format(), a.url(),
                a.guid(), a.headline(), a.paragraphs(), a.publishedAt(), a.byline(), a.dateline(), a.language(),
                a.removed(), a.pubStatus(), a.correlationId(), a.enrichmentVersion(), ANY_TIME, a.tags(), a.entities(),
                a.dedup(), a.storyId(), a.extraction());
    }

    private static KafkaConsumer<String, String> consumer(String kafka, String run) {
        return consumer(kafka, run, run);
    }

    private static KafkaConsumer<String, String> consumer(String kafka, String reader, String run) {
        return EnrichProcesses.readCommitted(kafka, "enrich-determinism-reader-" + RUN + "-" + reader,
                Topics.replayOf(replay(run)));
    }
}
