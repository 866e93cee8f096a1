package org.newsroom.query.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.contracts.Tag;
import org.newsroom.contracts.Topics;
import org.newsroom.localstack.LocalEngines;
import org.newsroom.query.QueryProperties;
import org.newsroom.query.web.ArticleBuilder;
import org.newsroom.query.web.ArticlesTopic;
import org.newsroom.query.web.RunningQueryService;
import org.newsroom.query.web.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The write side on real Kafka and Elasticsearch: idempotent writes, updates, dead letters, the index layout. */
@RunningQueryService
class ArticleIndexingIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);

    private final String run = "indexing-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final ArticlesTopic topic;
    private final KafkaTemplate<Object, Object> kafka;
    private final ElasticsearchClient elasticsearch;
    private final ArticleIndex index;

    @Autowired
    JsonMapper json;

    @Autowired
    ArticleIndexingIT(KafkaTemplate<Object, Object> kafka, ElasticsearchClient elasticsearch, ArticleIndex index) {
        this.kafka = kafka;
        this.topic = new ArticlesTopic(kafka, elasticsearch, index);
        this.elasticsearch = elasticsearch;
        this.index = index;
    }

    @Test
    void redeliveryOfTheSameArticleLeavesOneDocument() throws Exception {
        ArticleEnriched article = TestArticles.venezuelaStory(run + "-twice");

        topic.publishAndAwaitIndexed(article, article);
        topic.publishAndAwaitIndexed(article);

        assertThat(documentsWithId(article.articleId())).hasSize(1);
    }

    @Test
    void aLaterDecisionAboutAnArticleOverwritesItsDocument() throws Exception {
        ArticleEnriched original = TestArticles.venezuelaStory(run + "-decided");
        topic.publishAndAwaitIndexed(original);

        ArticleEnriched copy = original.withDedup(new Dedup(DedupStatus.near_duplicate, run + "-earlier", 0.92, 0.97, "minhash-lsh"));
        topic.publish(copy);

        await().atMost(PIPELINE).until(() -> document(original.articleId()).dedup().status() == DedupStatus.near_duplicate);
        assertThat(document(original.articleId()).dedup().canonicalId()).isEqualTo(run + "-earlier");
        assertThat(documentsWithId(original.articleId())).hasSize(1);
    }

    @Test
    void aStaleVersionWrittenAfterANewerOneConflictsAndLeavesTheNewerDocument() throws Exception {
        ArticleEnriched first = TestArticles.venezuelaStory(run + "-versions");
        ArticleEnriched correction = ArticleBuilder.from(first).version(2).headline("Corrected: " + first.headline()).build();
        ArticleIndexer writer = new ArticleIndexer(elasticsearch, index, json);

        writer.write(List.of(correction), List.of());
        BulkOutcome stale = writer.write(List.of(first), List.of());
        BulkOutcome redecided = writer.write(List.of(correction.withDedup(
                new Dedup(DedupStatus.near_duplicate, run + "-earlier", 0.9, 0.9, "minhash-lsh"))), List.of());

        assertThat(stale.conflicts()).containsExactly(first.articleId());
        assertThat(redecided.conflicts()).isEmpty();
        assertThat(document(first.articleId()).version()).isEqualTo(2);
        assertThat(document(first.articleId()).headline()).isEqualTo(correction.headline());
        assertThat(document(first.articleId()).dedup().canonicalId()).isEqualTo(run + "-earlier");
    }

    @Test
    void aTombstoneRemovesTheArticleFromTheIndex() throws Exception {
        ArticleEnriched article = TestArticles.venezuelaStory(run + "-killed");
        topic.publishAndAwaitIndexed(article);

        kafka.send(Topics.ARTICLES_ENRICHED, article.articleId(), null).get();

        await().atMost(PIPELINE).until(() -> !elasticsearch.exists(e -> e.index(index.alias()).id(article.articleId())).value());
    }

    @Test
    void anArticleTheStrictMappingRefusesGoesToTheDeadLetterTopicAndTheRestIsIndexed() throws Exception {
        Tag broken = new Tag("medtop:20000000", "broken", "iptc-mediatopic", Double.NaN, List.of());
        ArticleEnriched refused = ArticleBuilder.from(TestArticles.footballReport(run + "-refused")).tags(List.of(broken)).build();
        ArticleEnriched fine = TestArticles.footballReport(run + "-fine");

        topic.publish(refused, fine);

        List<String> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, String> dlt = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, run, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            dlt.subscribe(List.of(Topics.ARTICLES_ENRICHED_DLT));
            await().atMost(PIPELINE).until(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(record -> deadLetters.add(record.key()));
                return deadLetters.contains(refused.articleId());
            });
        }
        await().atMost(PIPELINE).until(() -> !documentsWithId(fine.articleId()).isEmpty());
        assertThat(documentsWithId(refused.articleId())).isEmpty();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAtOnceAndTheArticleAfterItIsIndexed() throws Exception {
        String poison = run + "-unreadable";
        ArticleEnriched after = TestArticles.footballReport(run + "-after-unreadable");

        kafka.send(Topics.ARTICLES_ENRICHED, 1, poison, "not an article").get();
        kafka.send(Topics.ARTICLES_ENRICHED, 1, after.articleId(), after).get();

        List<String> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, String> dlt = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, run + "-unreadable", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            dlt.subscribe(List.of(Topics.ARTICLES_ENRICHED_DLT));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(record -> deadLetters.add(record.key()));
                return deadLetters.contains(poison);
            });
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !documentsWithId(after.articleId()).isEmpty());
    }

    @Test
    void keepsArticlesInAVersionedIndexMadeFromTheTemplateWithEnglishAnalysis() throws Exception {
        index.ensureExists();

        var behindAlias = elasticsearch.indices().getAlias(a -> a.name(index.alias())).aliases().keySet();
        assertThat(behindAlias).singleElement().asString().matches("articles-v\\d+");
        var template = elasticsearch.indices().getIndexTemplate(t -> t.name(index.alias())).indexTemplates();
        assertThat(template.getFirst().indexTemplate().indexPatterns()).containsExactly("articles-v*");
        var tokens = elasticsearch.indices().analyze(a -> a.index(index.alias()).field("headline").text("Sanctions"))
                .tokens();
        assertThat(tokens).singleElement().extracting(t -> t.token()).isEqualTo("sanction");
    }

    @Test
    void migratingToANewIndexMovesTheAliasAndKeepsEveryArticle() throws Exception {
        String alias = run + "-alias";
        ArticleIndex migrating = new ArticleIndex(elasticsearch,
                QueryProperties.forAlias(alias), json);
        ArticleIndexer writer = new ArticleIndexer(elasticsearch, migrating, json);
        writer.write(List.of(TestArticles.venezuelaStory(run + "-a"), TestArticles.footballReport(run + "-b")), List.of());

        migrating.migrateTo(alias + "-v2");
        writer.write(List.of(TestArticles.venezuelaStory(run + "-c")), List.of());
        elasticsearch.indices().refresh(r -> r.index(alias));

        assertThat(elasticsearch.indices().getAlias(a -> a.name(alias)).aliases().keySet()).containsExactly(alias + "-v2");
        assertThat(elasticsearch.count(c -> c.index(alias)).count()).isEqualTo(3);
        assertThat(elasticsearch.count(c -> c.index(alias + "-v1")).count()).isEqualTo(2);
    }

    @Test
    void anIndexAnOlderVersionCreatedGetsTheNewFieldsAndTakesArticlesCarryingThem() throws Exception {
        String alias = run + "-older";
        ObjectNode olderMappings = (ObjectNode) json.readTree(ArticleTemplate.mappings(json));
        ((ObjectNode) olderMappings.get("properties")).remove("correlationId");
        elasticsearch.indices().create(c -> c.index(alias + "-v1").aliases(alias, a -> a.isWriteIndex(true))
                .mappings(m -> m.withJson(new StringReader(olderMappings.toString()))));
        ArticleIndex upgraded = new ArticleIndex(elasticsearch,
                QueryProperties.forAlias(alias), json);
        ObjectNode traced = json.valueToTree(TestArticles.venezuelaStory(run + "-traced"));
        traced.put("correlationId", "desk-req-7");

        BulkOutcome outcome = new ArticleIndexer(elasticsearch, upgraded, json)
                .write(List.of(json.treeToValue(traced, ArticleEnriched.class)), List.of());

        assertThat(outcome.rejected()).isEmpty();
        elasticsearch.indices().refresh(r -> r.index(alias));
        var found = elasticsearch.search(s -> s.index(alias)
                .query(q -> q.term(t -> t.field("correlationId").value("desk-req-7"))), ArticleDocument.class);
        assertThat(found.hits().hits()).singleElement()
                .satisfies(hit -> assertThat(hit.source().correlationId()).isEqualTo("desk-req-7"));
    }

    @Test
    void anExistingIndexTakesTheConfiguredRefreshInterval() throws Exception {
        String alias = run + "-refresh";
        elasticsearch.indices().create(c -> c.index(alias + "-v1").aliases(alias, a -> a.isWriteIndex(true))
                .settings(x -> x.refreshInterval(t -> t.time("1s"))));
        QueryProperties defaults = QueryProperties.forAlias(alias);
        QueryProperties quicker = new QueryProperties(alias, alias + "-v1", defaults.maxPageSize(), defaults.maxFrom(),
                defaults.maxQueryLength(), defaults.maxFilters(), Duration.ofMillis(250));

        new ArticleIndex(elasticsearch, quicker, json).ensureExists();

        var settings = elasticsearch.indices().getSettings(g -> g.index(alias + "-v1")).get(alias + "-v1").settings();
        assertThat(settings.index().refreshInterval().time()).isEqualTo("250ms");
    }

    private List<Hit<ArticleDocument>> documentsWithId(String articleId) throws Exception {
        elasticsearch.indices().refresh(r -> r.index(index.alias()));
        return elasticsearch.search(s -> s.index(index.alias()).query(q -> q.term(t -> t.field("articleId").value(articleId))),
                ArticleDocument.class).hits().hits();
    }

    private ArticleDocument document(String articleId) throws Exception {
        return elasticsearch.get(g -> g.index(index.alias()).id(articleId), ArticleDocument.class).source();
    }
}
