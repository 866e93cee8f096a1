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
import java.util.Set;
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
 *
 * <p>Two disjoint samples ({@link Sample}): thresholds and cleaning rules are chosen on the tuning sample
 * (Reuters ModApte TRAIN stories, half of BBC, seed 42, the tuning outlets' forms) and the figure is reported on
 * the held-out sample (Reuters ModApte TEST and unused stories, the other half of BBC, another seed, other
 * outlets' forms). Decisions are {@link DedupIndex}'s, the production decision code.
 * Run with {@code ./newsroom dedup-eval [sampled-originals] [held-out|tuning|grid]}.
 */
public final class DedupEvaluation {

    static final String CORPUS_DUPLICATE = "corpus_same_body_or_refiled";
    static final String ORIGINAL = "original";

    /** {@code group}: true copies of one text; {@code family}: the group and its re-filings (see CorpusGroups). */
    record Item(String id, String group, String family, String edit, Instant publishedAt, Instant arrivedAt, String topic,
                String headline, List<String> paragraphs) {
    }

    /** Which stories, random seed and outlets' forms a labelled set is built from. */
    enum Sample {
        tuning(Republications.Forms.TUNING, 42, Set.of(ReutersStory.ModApte.train), 0),
        held_out(Republications.Forms.HELD_OUT, 20261202, Set.of(ReutersStory.ModApte.test, ReutersStory.ModApte.unused), 1);

        final Republications.Forms forms;
        final long seed;
        final Set<ReutersStory.ModApte> reutersSplits;
        final int bbcParity;

        Sample(Republications.Forms forms, long seed, Set<ReutersStory.ModApte> reutersSplits, int bbcParity) {
            this.forms = forms;
            this.seed = seed;
            this.reutersSplits = reutersSplits;
            this.bbcParity = bbcParity;
        }
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int sampled = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String mode = args.length > 2 && !args[2].isBlank() ? args[2] : "held-out";
        Sample sample = mode.equals("held-out") ? Sample.held_out : Sample.tuning;
        List<Item> items = labelledSet(data, sampled, sample);
        DedupSettings settings = DedupSettings.defaults();
        System.out.printf("[dedup-eval] %s sample: %,d articles (%,d sampled originals x %d edits), settings %s%n",
                sample, items.size(), sampled, Republications.Edit.values().length, settings);
        if (mode.equals("grid")) {
            grid(items, settings);
            return;
        }
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        long start = System.nanoTime();
        List<Fingerprint> fingerprints = items.stream()
                .map(i -> fingerprinter.fingerprint(i.id(), i.publishedAt(), i.paragraphs())).toList();
        System.out.printf("[dedup-eval] fingerprinted in %.1f s%n", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        Map<String, Decision> decisions = indexed(items, fingerprints, settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[dedup-eval] indexed and decided in %.1f s (%,.0f articles/s)%n", seconds,
                items.size() / seconds);
        new EvaluationReport(items, decisions).print();
    }

    /**
     * Sweeps the thresholds and the lead's length: run on the tuning sample only. The bands stay at the default's
     * 42 (64 bands of 2 rows found a little more at half as many more bucket entries per article, see docs/dedup.md).
     */
    private static void grid(List<Item> items, DedupSettings settings) {
        for (int leadWords : new int[] {12, 20, 30}) {
            DedupSettings leads = settings.withThresholds(settings.nearContainment(), settings.containmentJaccard(),
                    leadWords, settings.leadJaccard());
            Fingerprinter fingerprinter = new Fingerprinter(leads);
            List<Fingerprint> prints = items.stream()
                    .map(i -> fingerprinter.fingerprint(i.id(), i.publishedAt(), i.paragraphs())).toList();
            for (double containment : new double[] {0.6, 0.7, 0.8}) {
                for (double floor : new double[] {0.2, 0.3}) {
                    for (double leadJaccard : new double[] {0.1, 0.2, 1.01}) {
                        DedupSettings tried = settings.withThresholds(containment, floor, leadWords, leadJaccard);
                        EvaluationReport report = new EvaluationReport(items, indexed(items, prints, tried));
                        System.out.printf("J>=%.2f or (C>=%.2f and J>=%.2f) or (same %d-word lead and J>=%.2f):"
                                        + " precision %.4f recall %.4f, mixed recall %.3f%n", tried.nearJaccard(),
                                containment, floor, leadWords, leadJaccard, report.precision(), report.recall(),
                                report.recallOf("mixed"));
                    }
                }
            }
        }
    }

    /**
     * Each article's last decision as the index emitted it (its own, then any revision): what the last record per
     * key on {@code articles.enriched.v1} would say. Reading the index at the end would miss the articles that left
     * its window (the corpora span 1987 to 2005).
     */
    static Map<String, Decision> indexed(List<Item> items, List<Fingerprint> fingerprints,
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

    static List<Item> labelledSet(Path data, int sampled, Sample sample) {
        Random random = new Random(sample.seed);
        List<Item> corpus = new ArrayList<>();
        // A few stories have no parsable date: the corpus is near enough chronological to borrow the last.
        Instant lastDate = Instant.parse("1987-02-26T00:00:00Z");
        List<ReutersStory> reuters = new ArrayList<>(Reuters21578.read(data.resolve("reuters21578")));
        for (ReutersStory s : reuters) {
            lastDate = s.date() != null ? s.date() : lastDate;
            if (!s.body().isBlank() && sample.reutersSplits.contains(s.split())) {
                String id = "reuters-" + s.newId();
                corpus.add(new Item(id, id, id, ORIGINAL, lastDate, lastDate,
                        s.topics().isEmpty() ? "" : s.topics().getFirst(), s.title(), s.paragraphs()));
            }
        }
        corpus.sort(Comparator.comparing(Item::publishedAt));
        Instant bbcDay = Instant.parse("2005-01-03T06:00:00Z");
        List<BbcStory> bbc = BbcNews.read(data.resolve("bbc"));
        for (int i = sample.bbcParity; i < bbc.size(); i += 2) {
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
        Republications republications = new Republications(random.nextLong(), sample.forms);
        for (Item original : originals.subList(0, Math.min(sampled, originals.size()))) {
            for (Republications.Edit edit : Republications.Edit.values()) {
                Republications.Variant v = republications.apply(edit, original.headline(), original.paragraphs());
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
