package org.newsroom.enrich.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Tag;

/**
 * What enrichment published: {@code enrich.articles{dedup}} counts enriched records by duplicate decision
 * (a re-emitted decision counts again), {@code enrich.tags{scheme}} the tags they carried,
 * and {@code enrich.tombstones} articles removed (killed, held or superseded); {@code enrich.revisions{cause}} the
 * earlier articles told again because an arrival changed their duplicate decision, a person they name or their
 * story ({@code dedup}, {@code person}, {@code story}: one count per cause), and {@code enrich.revisions.repeated}
 * the revisions not told because they would only repeat the answers last told; dead letters are counted by
 * {@code deadletters.DeadLetterMetrics}. Schemes come partly from the
 * rules file, so at most {@value #MAX_SCHEMES} get a series of their own; later ones count as {@code other}.
 */
public final class EnrichmentMetrics {

    static final String ARTICLES = "enrich.articles";
    static final String TAGS = "enrich.tags";
    static final String TOMBSTONES = "enrich.tombstones";
    static final String REVISIONS = "enrich.revisions";
    static final String REPEATED = "enrich.revisions.repeated";
    static final int MAX_SCHEMES = 20;
    static final String OTHER_SCHEME = "other";

    private final MeterRegistry registry;
    private final Set<String> schemes = ConcurrentHashMap.newKeySet();
    /** The counters by name and tag value, looked up once: registering per record and tag showed in the profile. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public EnrichmentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(ArticleEnriched article) {
        String dedup = article.dedup().status().name();
        counter(ARTICLES, dedup, () -> Counter.builder(ARTICLES)
                .description("Enriched articles published, by duplicate decision").tag("dedup", dedup)).increment();
        for (Tag tag : article.tags()) {
            String scheme = boundedScheme(tag.scheme());
            counter(TAGS, scheme, () -> Counter.builder(TAGS)
                    .description("Tags on published enriched articles, by scheme").tag("scheme", scheme)).increment();
        }
    }

    private Counter counter(String name, String tag, Supplier<Counter.Builder> builder) {
        return counters.computeIfAbsent(name + '|' + tag, key -> builder.get().register(registry));
    }

    void tombstoned() {
        counter(TOMBSTONES, "", () -> Counter.builder(TOMBSTONES)
                .description("Tombstones published: articles killed or withheld")).increment();
    }

    void revised(Set<String> causes) {
        for (String cause : causes) {
            counter(REVISIONS, cause, () -> Counter.builder(REVISIONS)
                    .description("Earlier articles told again, by what changed their answers").tag("cause", cause))
                    .increment();
        }
    }

    void repeated() {
        counter(REPEATED, "", () -> Counter.builder(REPEATED)
                .description("Revisions not told: they would repeat the answers last told")).increment();
    }

    /** Stream threads publish concurrently: a scheme is admitted under the lock, so no more than the bound are. */
    private String boundedScheme(String scheme) {
        if (schemes.contains(scheme)) {
            return scheme;
        }
        synchronized (schemes) {
            if (schemes.contains(scheme) || (schemes.size() < MAX_SCHEMES && schemes.add(scheme))) {
                return scheme;
            }
        }
        return OTHER_SCHEME;
    }
}
