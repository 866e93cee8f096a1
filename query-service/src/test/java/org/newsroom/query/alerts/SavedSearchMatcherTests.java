package org.newsroom.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.query.language.RandomQueries.cased;
import static org.newsroom.query.language.RandomQueries.pick;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.language.FilterValues;
import org.newsroom.query.language.IndexedArticle;
import org.newsroom.query.language.QueryMatcher;
import org.newsroom.query.language.RandomQueries;

class SavedSearchMatcherTests {

    @Test
    void thePreFilterNeverLosesAMatchAndSkipsMostSearches() {
        long seed = 42;
        Random random = new Random(seed);
        List<ArticleEnriched> articles = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            articles.add(RandomQueries.article(random, "ssm-" + i));
        }
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String tag = random.nextInt(5) == 0 ? cased(random, pick(random, RandomQueries.TAG_LABELS)) : null;
            alerts.add(new Alert("a" + i, "a" + i, RandomQueries.query(random, articles),
                    new FilterValues(tag, null, null, null, null, null), null, Instant.EPOCH, "test"));
        }
        SavedSearchMatcher matcher = new SavedSearchMatcher(alerts);
        List<QueryMatcher> each = alerts.stream().map(a -> a.toQuery().matcher()).toList();

        long candidates = 0;
        long matches = 0;
        for (ArticleEnriched article : articles) {
            IndexedArticle indexed = IndexedArticle.of(article);
            List<Alert> everyOneRun = new ArrayList<>();
            for (int i = 0; i < alerts.size(); i++) {
                if (each.get(i).matches(indexed)) {
                    everyOneRun.add(alerts.get(i));
                }
            }
            assertThat(matcher.matching(indexed)).as("seed %d, article %s", seed, article.articleId())
                    .isEqualTo(everyOneRun);
            candidates += matcher.candidates(indexed).cardinality();
            matches += everyOneRun.size();
        }
        assertThat(matches).as("the generated searches match something").isPositive();
        // a 36-word vocabulary makes every term common here; on real news the share run is far smaller (the bench)
        assertThat(candidates).as("searches run").isLessThan((long) articles.size() * alerts.size() * 9 / 10);
    }

    @Test
    void filesASearchUnderItsRarestRequiredTermsAndRunsTheOnesWithoutAnyOnEveryArticle() {
        ArticleEnriched article = RandomQueries.article(new Random(1), "ssm-one");
        Alert phrase = new Alert("p", "p", "\"zanzibar cloves\"", FilterValues.NONE, null, Instant.EPOCH, "t");
        Alert negative = new Alert("n", "n", "-zanzibar", FilterValues.NONE, null, Instant.EPOCH, "t");
        SavedSearchMatcher matcher = new SavedSearchMatcher(List.of(phrase, negative));

        IndexedArticle indexed = IndexedArticle.of(article);
        assertThat(matcher.candidates(indexed).stream().boxed().toList()).containsExactly(1);
        assertThat(matcher.matching(indexed)).containsExactly(negative);
    }
}
