package org.newsroom.enrich.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.SeedArticles;
import org.newsroom.enrich.ServiceDefaults;
import org.newsroom.enrich.entities.People;
import org.newsroom.enrich.tagging.TaggingProperties;

/**
 * {@code ./newsroom memory-bench [data] [reuters] [bbc]}: CPU per article of {@link Memory#see} (people and stories,
 * the service's default settings) on dense news: Reuters 1987 in publication order (a few weeks), then BBC stories
 * all dated 2005-01-01 (one dense window). Facts are worked out first and not timed. Prints microseconds of thread
 * CPU per article, the slowest single arrival, and digests of the final stories and people (revisions applied, as
 * subscribers were last told) so that a faster version can be checked to answer the same.
 */
public final class MemoryBenchmark {

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int reutersCount = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int bbcCount = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        TaggingProperties settings = ServiceDefaults.tagging("memory-bench-rules.yaml");
        Enricher enricher = ServiceDefaults.enricher("bench", settings);
        List<Facts> facts = new ArrayList<>();
        Reuters21578.read(data.resolve("reuters21578")).stream()
                .filter(s -> s.date() != null && !s.paragraphs().isEmpty())
                .sorted(Comparator.comparing(ReutersStory::date).thenComparingInt(ReutersStory::newId))
                .limit(reutersCount).forEach(s -> facts.add(enricher.facts(SeedArticles.reuters(s))));
        Instant bbcDay = Instant.parse("2005-01-01T12:00:00Z");
        BbcNews.read(data.resolve("bbc")).stream().limit(bbcCount).forEach(s -> facts.add(enricher.facts(
                SeedArticles.article("bbc-" + s.id().replace('/', '-'), s.headline(), s.paragraphs(), bbcDay))));
        System.out.printf("[memory-bench] %d Reuters + %d BBC articles%n", Math.min(reutersCount, facts.size()),
                facts.size() - Math.min(reutersCount, facts.size()));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < runs; run++) { // the first run warms the JIT up
            Memory memory = ServiceDefaults.memory(settings);
            Map<String, String> stories = new TreeMap<>();
            Map<String, People.Resolution> people = new TreeMap<>();
            long total = 0;
            long max = 0;
            String slowest = null;
            long personRevisions = 0;
            long storyRevisions = 0;
            for (Facts f : facts) {
                long t0 = cpu.getCurrentThreadCpuTime();
                Memory.Answer answer = memory.see(f);
                long took = cpu.getCurrentThreadCpuTime() - t0;
                total += took;
                if (took > max) {
                    max = took;
                    slowest = f.articleId();
                }
                stories.put(f.articleId(), answer.storyId());
                people.put(f.articleId(), answer.people());
                // Each revision is one more record told downstream (enriched topic, index): what the answers' churn costs.
                personRevisions += answer.revisions().stream().filter(r -> r.people() != null).count();
                storyRevisions += answer.revisions().stream().filter(r -> r.storyId() != null).count();
                answer.revisions().stream().filter(r -> r.storyId() != null)
                        .forEach(r -> stories.put(r.articleId(), r.storyId()));
                answer.revisions().stream().filter(r -> r.people() != null)
                        .forEach(r -> people.put(r.articleId(), r.people()));
            }
            System.out.printf(Locale.ROOT, "[memory-bench] run %d: %.0f µs CPU per article, slowest arrival %.1f ms (%s), "
                    + "%d stories, digest %08x, people digest %08x; revisions per article: %.2f person, %.2f story%n",
                    run + 1, total / 1e3 / facts.size(), max / 1e6, slowest, stories.values().stream().distinct().count(),
                    stories.hashCode(), people.hashCode(), personRevisions / (double) facts.size(), storyRevisions / (double) facts.size());
        }
    }
}
