package org.newsroom.enrich.dedup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.BbcStory;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;

/**
 * Precision and recall of duplicate detection on a labelled set built from Reuters-21578 and BBC News: every
 * story, Reuters' own exact-duplicate bodies as true groups, and republication variants of sampled stories.
 * Every other story is a negative, among them many distinct stories on the same topic and day.
 * Run with {@code ./newsroom dedup-eval [data-folder] [sampled-originals]}.
 */
public final class DedupEvaluation {

    static final String CORPUS_DUPLICATE = "corpus_same_body_or_refiled";
    static final String ORIGINAL = "original";

    /** {@code group}: true copies of one text; {@code family}: the group and its re-filings (see CorpusGroups). */
    record Item(String id, String group, String family, String edit, Instant publishedAt, Instant arrivedAt, String topic,
                String headline, List<String> paragraphs) {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int sampled = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<Item> items = labelledSet(data, sampled, new Random(42));
        DedupSettings settings = DedupSettings.defaults();
        System.out.printf("[dedup-eval] %,d articles (%,d sampled originals x %d edits), settings %s%n",
                items.size(), sampled, Republications.Edit.values().length, settings);
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        long start = System.nanoTime();
        List<Fingerprint> fingerprints = items.stream()
                .map(i -> fingerprinter.fingerprint(i.id(), i.publishedAt(), i.paragraphs())).toList();
        System.out.printf("[dedup-eval] fingerprinted in %.1f s%n", (System.nanoTime() - start) / 1e9);
        if (args.length > 2 && args[2].equals("grid")) {
            for (int k : new int[] {4, 5}) {
                DedupSettings base = new DedupSettings(k, settings.hashes(), settings.bands(), 0, 0, 0,
                        settings.maxBucketMembers());
                Fingerprinter shingled = new Fingerprinter(base);
                List<Fingerprint> prints = items.stream()
                        .map(i -> shingled.fingerprint(i.id(), i.publishedAt(), i.paragraphs())).toList();
                for (double jaccard : new double[] {0.5, 0.6}) {
                    for (double containment : new double[] {0.8, 0.9}) {
                        for (double floor : new double[] {0.3, 0.4}) {
                            DedupSettings tried = new DedupSettings(k, settings.hashes(), settings.bands(), jaccard,
                                    containment, floor, settings.maxBucketMembers());
                            System.out.printf("k=%d J>=%.2f or (C>=%.2f and J>=%.2f): %s%n", k, jaccard, containment,
                                    floor, new EvaluationReport(items, indexed(items, prints, tried)).overall());
                        }
                    }
                }
            }
            return;
        }
        start = System.nanoTime();
        Map<String, Decision> decisions = indexed(items, fingerprints, settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[dedup-eval] indexed and decided in %.1f s (%,.0f articles/s)%n", seconds,
                items.size() / seconds);
        new EvaluationReport(items, decisions).print();
    }

    /**
     * Each article's last decision as the index emitted it (its own, then any revision): what the last record per
     * key on {@code articles.enriched.v1} would say. Reading the index at the end would miss the articles that left
     * its window (the corpora span 1987 to 2005).
     */
    private static Map<String, Decision> indexed(List<Item> items, List<Fingerprint> fingerprints,
                                                 DedupSettings settings) {
        DedupIndex index = new DedupIndex(settings, Duration.ofDays(365));
        Map<String, Decision> decisions = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            index.add(fingerprints.get(i), items.get(i).arrivedAt()).forEach(d -> decisions.put(d.articleId(), d));
            if ((i + 1) % 10_000 == 0) {
                System.out.printf("[dedup-eval] %,d / %,d indexed%n", i + 1, items.size());
            }
        }
        return decisions;
    }

    static List<Item> labelledSet(Path data, int sampled, Random random) {
        List<Item> corpus = new ArrayList<>();
        // A few stories have no parsable date: the corpus is near enough chronological to borrow the last.
        Instant lastDate = Instant.parse("1987-02-26T00:00:00Z");
        List<ReutersStory> reuters = new ArrayList<>(Reuters21578.read(data.resolve("reuters21578")));
        for (ReutersStory s : reuters) {
            lastDate = s.date() != null ? s.date() : lastDate;
            if (!s.body().isBlank()) {
                String id = "reuters-" + s.newId();
                corpus.add(new Item(id, id, id, ORIGINAL, lastDate, lastDate,
                        s.topics().isEmpty() ? "" : s.topics().getFirst(), s.title(), s.paragraphs()));
            }
        }
        corpus.sort(Comparator.comparing(Item::publishedAt));
        Instant bbcDay = Instant.parse("2005-01-03T06:00:00Z");
        List<BbcStory> bbc = BbcNews.read(data.resolve("bbc"));
        for (int i = 0; i < bbc.size(); i++) {
            BbcStory s = bbc.get(i);
            String id = "bbc-" + s.id().replace('/', '-');
            Instant at = bbcDay.plus(i * 7L, ChronoUnit.MINUTES);
            corpus.add(new Item(id, id, id, ORIGINAL, at, at, s.category(), s.headline(), s.paragraphs()));
        }
        List<Item> stories = CorpusGroups.grouped(corpus);
        List<Item> items = new ArrayList<>(stories);
        List<Item> originals = new ArrayList<>(stories.stream()
                .filter(s -> s.edit().equals(ORIGINAL) && String.join(" ", s.paragraphs()).split("\\s+").length >= 25)
                .toList());
        Collections.shuffle(originals, random);
        Republications republications = new Republications(7);
        for (Item original : originals.subList(0, Math.min(sampled, originals.size()))) {
            for (Republications.Edit edit : Republications.Edit.values()) {
                Republications.Variant v = republications.apply(edit, original.headline(), null,
                        original.paragraphs());
                Instant published = original.publishedAt().plus(5 + random.nextInt(600), ChronoUnit.MINUTES);
                items.add(new Item(original.id() + "-" + edit, original.group(), original.family(), edit.name(), published, published,
                        original.topic(), v.headline(), v.paragraphs()));
            }
        }
        // Arrival jitters up to six hours after publication, so some copies arrive before their originals.
        List<Item> arriving = new ArrayList<>(items.stream().map(i -> new Item(i.id(), i.group(), i.family(), i.edit(),
                i.publishedAt(), i.publishedAt().plus(random.nextInt(360), ChronoUnit.MINUTES), i.topic(),
                i.headline(), i.paragraphs())).toList());
        arriving.sort(Comparator.comparing(Item::arrivedAt).thenComparing(Item::id));
        return arriving;
    }
}
