package org.newsroom.enrich;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Tag;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Fingerprinter;
import org.newsroom.enrich.entities.People;
import org.newsroom.enrich.entities.Recognised;
import org.newsroom.enrich.memory.Facts;
import org.newsroom.enrich.normalising.ArticleTokens;
import org.newsroom.enrich.normalising.TextNormaliser;
import org.newsroom.enrich.tagging.EnrichmentSteps;
import org.newsroom.enrich.tagging.TaggingProperties;

/**
 * {@code ./newsroom enrich-bench [data] [articles] [warm-up runs] [measured runs]}: thread CPU per article of what enrich-service works out
 * from an article alone, step by step, on Reuters-21578 in publication order: the article's tokens, shared by the
 * steps that follow, and the steps the service configures
 * ({@link EnrichmentSteps#of} with its default settings, the bundled rules and subject model), run in
 * {@link Enricher}'s order, and the dedup fingerprint that {@code streams.ArticleFlow} takes of the enriched
 * paragraphs. The memory's answers ({@code Memory.see}: people resolved, stories) are left out: they depend on the
 * other articles, move to the memory task, and {@code ./newsroom memory-bench} measures them.
 *
 * <p>The warm-up runs let the JIT compile; the measured runs are averaged. Besides CPU it prints a SHA-256 digest of every answer
 * (entities, tags with scores and evidence, the memory's facts, the fingerprint), in all and per step, so a faster
 * version can show that it answers exactly the same over the whole corpus.
 */
public final class EnrichBenchmark {

    private static final String[] STEPS = {"normalise", "tokens", "entities", "rules", "places", "classifier",
            "facts", "fingerprint"};
    /** The shared tokens answer nothing themselves: their CPU is counted, and their use in the steps' answers. */
    private static final int TOKENS = 1;

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 13_000;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        TaggingProperties settings = ServiceDefaults.tagging("enrich-bench-rules.yaml");
        Enricher.Steps steps = EnrichmentSteps.of(settings, Clock.systemUTC());
        Fingerprinter fingerprinter = new Fingerprinter(DedupSettings.defaults());
        List<ArticleReceived> articles = Reuters21578.read(data.resolve("reuters21578")).stream()
                .filter(s -> s.date() != null && !s.paragraphs().isEmpty())
                .sorted(Comparator.comparing(ReutersStory::date).thenComparingInt(ReutersStory::newId))
                .limit(count).map(SeedArticles::reuters).toList();
        System.out.printf("[enrich-bench] %d Reuters articles, %d warm-up runs, %d measured%n", articles.size(),
                warmUps, measured);
        for (int run = 1; run <= warmUps; run++) {
            System.out.printf(Locale.ROOT, "[enrich-bench] warm-up run %d: %.0f µs per article%n", run,
                    run(steps, fingerprinter, articles).totalNanos() / 1e3 / articles.size());
        }
        List<Run> runs = new ArrayList<>();
        for (int run = 1; run <= measured; run++) {
            runs.add(run(steps, fingerprinter, articles));
            System.out.printf(Locale.ROOT, "[enrich-bench] measured run %d: %.0f µs per article%n", run,
                    runs.getLast().totalNanos() / 1e3 / articles.size());
        }
        Run.print(runs, articles.size());
    }

    /** Each article through each step, in the order {@link Enricher} runs them, each step's CPU and answers summed. */
    private static Run run(Enricher.Steps steps, Fingerprinter fingerprinter, List<ArticleReceived> articles) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Run run = new Run();
        for (ArticleReceived received : articles) {
            long t0 = cpu.getCurrentThreadCpuTime();
            ArticleReceived article = TextNormaliser.normalised(received);
            long t1 = cpu.getCurrentThreadCpuTime();
            ArticleTokens tokens = ArticleTokens.of(article.headline(), article.paragraphs());
            long t2 = cpu.getCurrentThreadCpuTime();
            Recognised recognised = steps.entities().recognise(article.headline(), Enricher.withDateline(article));
            List<Entity> entities = recognised.entities(People.Resolution.NONE);
            long t3 = cpu.getCurrentThreadCpuTime();
            List<Tag> topics = steps.topics().tags(tokens, entities);
            long t4 = cpu.getCurrentThreadCpuTime();
            List<Tag> places = steps.places().tags(entities);
            long t5 = cpu.getCurrentThreadCpuTime();
            List<Tag> subjects = steps.subjects().tags(tokens);
            long t6 = cpu.getCurrentThreadCpuTime();
            Facts facts = Enricher.facts(article, recognised, tokens);
            long t7 = cpu.getCurrentThreadCpuTime();
            Fingerprint fingerprint = fingerprinter.fingerprint(article.articleId(), article.publishedAt(), article.paragraphs());
            long t8 = cpu.getCurrentThreadCpuTime();
            run.add(new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6, t8 - t7},
                    String.valueOf(article.paragraphs()), "", String.valueOf(entities), String.valueOf(topics),
                    String.valueOf(places), String.valueOf(subjects), String.valueOf(facts),
                    fingerprint.contentHash() + " " + fingerprint.shingleCount() + " "
                            + Arrays.toString(fingerprint.signature()));
        }
        return run;
    }

    /** CPU nanoseconds and a running digest per step. */
    private static final class Run {
        private final long[] nanos = new long[STEPS.length];
        private final MessageDigest[] digests = new MessageDigest[STEPS.length];
        private final MessageDigest all = sha256();

        Run() {
            Arrays.setAll(digests, i -> sha256());
        }

        void add(long[] took, String... answers) {
            for (int i = 0; i < STEPS.length; i++) {
                nanos[i] += took[i];
                if (i == TOKENS) {
                    continue;
                }
                byte[] bytes = (answers[i] + "\n").getBytes(StandardCharsets.UTF_8);
                digests[i].update(bytes);
                all.update(bytes);
            }
        }

        long totalNanos() {
            return Arrays.stream(nanos).sum();
        }

        /** The mean of the measured runs per step; the digests of the first (every run answers alike). */
        static void print(List<Run> runs, int articles) {
            double perArticle = 1e3 * runs.size() * articles;
            System.out.printf(Locale.ROOT, "[enrich-bench] CPU per article, mean of %d runs: %.0f µs in all%n",
                    runs.size(), runs.stream().mapToLong(Run::totalNanos).sum() / perArticle);
            Run first = runs.getFirst();
            for (int i = 0; i < STEPS.length; i++) {
                int step = i;
                byte[] digest = first.digests[i].digest();
                System.out.printf(Locale.ROOT, "[enrich-bench]   %-11s %6.0f µs%s%n", STEPS[i],
                        runs.stream().mapToLong(r -> r.nanos[step]).sum() / perArticle, step == TOKENS ? ""
                                : "  answers " + HexFormat.of().formatHex(digest, 0, 8));
            }
            System.out.println("[enrich-bench] digest of all answers: " + HexFormat.of().formatHex(first.all.digest()));
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
