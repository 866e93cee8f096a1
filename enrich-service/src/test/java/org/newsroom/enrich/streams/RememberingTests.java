package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.tagging.EnrichmentSteps;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.enrich.dedup.DedupIndex;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Decision;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Fingerprinter;

/**
 * The memory task's start: its dedup index rebuilt from {@code held-articles}. (Kafka's test driver restores no
 * store, so the restart itself is covered by {@code DedupScaleOutIT}, which stops the instance holding the task.)
 */
class RememberingTests {

    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Instant START = Instant.parse("2019-05-06T12:00:00Z");

    @TempDir
    Path dir;

    private final Fingerprinter fingerprinter = new Fingerprinter(DedupSettings.defaults());
    private final ArticleReceived seed = Articles.seeds().getFirst();
    private final ArticleEnriched draft = new Enricher("test", Clock.systemUTC()).enrich(seed);

    /**
     * The held store keeps no signature and the memo no facts: a rebuild (and the memory task, for the facts) must
     * work them out again exactly as the articles task did, over the seeds and Reuters stories.
     */
    @Test
    void worksOutAHeldArticlesFingerprintAndFactsAsTheArticlesTaskDid() {
        Enricher enricher = new Enricher("test", Clock.systemUTC(), EnrichmentSteps.of(TagRouting.tagging(
                dir.resolve("rules.yaml"), List.of()), Clock.systemUTC()));
        List<ArticleReceived> articles = new ArrayList<>(Articles.seeds());
        Reuters21578.read(Path.of("..", "data", "reuters21578")).stream().filter(s -> s.paragraphs().size() >= 2).limit(200)
                .forEach(s -> articles.add(Articles.article("reuters-" + s.newId(), "reuters", s.date(), s.title(),
                        s.paragraphs())));
        for (ArticleReceived article : articles) {
            ArticleFindings.Enriched findings = (ArticleFindings.Enriched) ArticleFlow.findings(article.articleId(),
                    article, enricher::draft, fingerprinter);

            HeldArticle held = findings.held();
            ArticleEnriched draft = DraftEncoding.article(held.article());

            assertThat(held.fingerprint(article.articleId(), draft, fingerprinter)).isEqualTo(findings.fingerprint());
            assertThat(Enricher.facts(draft, held.publishedAt(), DraftEncoding.memo(held.memo())))
                    .isEqualTo(enricher.draft(article).facts());
        }
    }

    @Test
    void rebuildsTheIndexInArrivalOrderWhateverOrderTheStoreIteratesIn() {
        Instant early = START;
        Instant late = START.plus(Duration.ofDays(10));
        // A window store iterates a segment by key: "a-late" before "b-early".
        List<KeyValue<Windowed<String>, HeldArticle>> held = List.of(
                held("a-late", seed.publishedAt().plusSeconds(3600), late),
                held("b-early", seed.publishedAt(), early));

        DedupIndex index = Remembering.rebuilt(held.iterator(), DedupSettings.defaults(), WINDOW, null);

        assertThat(index.decisionOf("a-late").dedup().canonicalId()).isEqualTo("b-early");
        // Past the window of the early one, the late one must still be found: an index walking its buckets from a
        // slot out of time order would stop at the early one and miss it.
        List<Decision> decided = index.add(fingerprint("c-new", seed.publishedAt().plusSeconds(7200)),
                early.plus(WINDOW).plus(Duration.ofDays(1)));
        assertThat(decided.getFirst().dedup().status()).isEqualTo(DedupStatus.exact_duplicate);
        assertThat(decided.getFirst().dedup().canonicalId()).isEqualTo("a-late");
        assertThat(index.size()).as("the early one left the window").isEqualTo(2);
    }

    private KeyValue<Windowed<String>, HeldArticle> held(String articleId, Instant publishedAt, Instant arrivedAt) {
        long at = arrivedAt.toEpochMilli();
        Window window = new Window(at, at + 1) {
            @Override
            public boolean overlap(Window other) {
                return start() < other.end() && other.start() < end();
            }
        };
        return KeyValue.pair(new Windowed<>(articleId, window),
                new HeldArticle(1, publishedAt, DraftEncoding.encoded(draft), new byte[0]));
    }

    private Fingerprint fingerprint(String articleId, Instant publishedAt) {
        return fingerprinter.fingerprint(articleId, publishedAt, draft.paragraphs());
    }
}
