package org.newsroom.query.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Topics;
import org.newsroom.query.web.ArticleBuilder;
import org.newsroom.query.web.TestArticles;

/** What a batch of enriched records writes to the index and announces to live streams and alerts. */
class ArticleEnrichedListenerTests {

    private final List<String> written = new ArrayList<>();
    private final List<ArticlesIndexed> announced = new ArrayList<>();
    private List<String> conflicts = List.of();

    /** Stands in for Elasticsearch: records the bulk request and answers with the chosen conflicts. */
    private final ArticleIndexer index = new ArticleIndexer(null, null, null) {
        @Override
        public BulkOutcome write(List<ArticleEnriched> articles, List<String> deletions) {
            articles.forEach(a -> written.add("index " + a.articleId() + " v" + a.version()));
            deletions.forEach(id -> written.add("delete " + id));
            return new BulkOutcome(articles.size() + deletions.size(), conflicts, List.of(), List.of());
        }
    };
    private final ArticleEnrichedListener listener = new ArticleEnrichedListener(index,
            event -> announced.add((ArticlesIndexed) event), new IndexingMetrics(new SimpleMeterRegistry()));

    @Test
    void aVersionAndItsKillInOneBatchDeleteTheArticleAndAnnounceNothingOfIt() throws Exception {
        ArticleEnriched quake = TestArticles.venezuelaStory("quake");
        ArticleEnriched other = TestArticles.footballReport("other");

        listener.on(List.of(record("quake", quake), record("other", other), record("quake", null)));

        assertThat(written).containsExactlyInAnyOrder("index other v1", "delete quake");
        assertThat(announced).singleElement().satisfies(event -> {
            assertThat(event.articles()).extracting(ArticleEnriched::articleId).containsExactly("other");
            assertThat(event.removed()).containsExactly("quake");
        });
    }

    @Test
    void theLastOfSeveralRevisionsOfAnArticleInOneBatchIsTheOneWrittenAndAnnounced() throws Exception {
        ArticleEnriched first = TestArticles.venezuelaStory("quake");
        ArticleEnriched retold = first.withStoryId("story-2");
        ArticleEnriched corrected = ArticleBuilder.from(retold).version(2).build();

        listener.on(List.of(record("quake", first), record("other", TestArticles.footballReport("other")),
                record("quake", retold), record("quake", corrected)));

        assertThat(written).containsExactly("index other v1", "index quake v2");
        assertThat(announced).singleElement().satisfies(event ->
                assertThat(event.articles()).contains(corrected).doesNotContain(first, retold));
    }

    @Test
    void anArticleNoLongerUsableIsDeletedEvenWithAValue() throws Exception {
        ArticleEnriched withheld = ArticleBuilder.from(TestArticles.venezuelaStory("held")).pubStatus(PubStatus.withheld).build();

        listener.on(List.of(record("held", withheld)));

        assertThat(written).containsExactly("delete held");
        assertThat(announced.getFirst().articles()).isEmpty();
    }

    @Test
    void aStaleVersionTheIndexRefusesIsNotAnnounced() throws Exception {
        conflicts = List.of("stale");

        listener.on(List.of(record("stale", TestArticles.venezuelaStory("stale")),
                record("fresh", TestArticles.footballReport("fresh"))));

        assertThat(announced).singleElement().satisfies(event ->
                assertThat(event.articles()).extracting(ArticleEnriched::articleId).containsExactly("fresh"));
    }

    private static ConsumerRecord<String, ArticleEnriched> record(String key, ArticleEnriched value) {
        return new ConsumerRecord<>(Topics.ARTICLES_ENRICHED, 0, 0, key, value);
    }
}
