package org.newsroom.enrich.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.newsroom.enrich.normalising.Words;

class StoriesTests {

    private static final Instant MONDAY = Instant.parse("2019-05-06T10:00:00Z");
    private static final TermIdf FLAT = new TermIdf(Map.of(), 1.0);
    private static final List<String> PEOPLE = List.of("person:mike-pompeo", "person:mike-pompeo", "person:sergei-lavrov");

    private final Stories stories = new Stories(new Stories.Settings(Duration.ofDays(3), 0.3, 0.2), FLAT);

    private Stories.Seen see(String id, Instant time, String text, List<String> entities) {
        return stories.see(id, time, Words.content(text), entities);
    }

    @Test
    void relatedReportsShareTheStoryOfTheEarliest() {
        Stories.Seen first = see("a1", MONDAY, "Pompeo and Lavrov to meet over Venezuela in Finland", PEOPLE);
        Stories.Seen second = see("a2", MONDAY.plusSeconds(3600), "Lavrov and Pompeo to meet in Finland over Venezuela crisis", PEOPLE);
        assertThat(first.storyId()).isEqualTo("story-a1");
        assertThat(second.storyId()).isEqualTo("story-a1");
        assertThat(second.revisions()).isEmpty();
    }

    @Test
    void anUnrelatedReportHasItsOwnStory() {
        see("a1", MONDAY, "Pompeo and Lavrov to meet over Venezuela in Finland", PEOPLE);
        Stories.Seen other = see("b1", MONDAY, "Showers in the Bahia cocoa zone improved the temporao crop", List.of());
        assertThat(other.storyId()).isEqualTo("story-b1");
    }

    @Test
    void anEarlierReportArrivingLateTakesOverTheStoryAndRevisesTheOthers() {
        see("a2", MONDAY.plusSeconds(3600), "Pompeo and Lavrov to meet over Venezuela in Finland", PEOPLE);
        see("a3", MONDAY.plusSeconds(7200), "Lavrov and Pompeo meet over Venezuela in Finland", PEOPLE);

        Stories.Seen late = see("a1", MONDAY, "Pompeo and Lavrov will meet over Venezuela in Finland", PEOPLE);

        assertThat(late.storyId()).isEqualTo("story-a1");
        assertThat(late.revisions()).containsExactly(new Stories.Revision("a2", "story-a1"),
                new Stories.Revision("a3", "story-a1"));
    }

    @Test
    void reportsFurtherApartThanTheWindowAreNeverOneStory() {
        see("a1", MONDAY, "Pompeo and Lavrov to meet in Finland", PEOPLE);
        Stories.Seen weeksLater = see("a2", MONDAY.plus(Duration.ofDays(20)), "Pompeo and Lavrov to meet in Finland", PEOPLE);
        assertThat(weeksLater.storyId()).isEqualTo("story-a2");
    }

    @Test
    void aChainOfLooselyRelatedReportsDoesNotFuseTwoEvents() {
        see("a", MONDAY, "alpha beta gamma delta", List.of());
        see("c", MONDAY, "epsilon zeta eta theta", List.of());
        Stories.Seen bridge = see("b", MONDAY, "alpha beta gamma delta epsilon zeta eta theta", List.of());

        assertThat(stories.storyOf("a")).isNotEqualTo(stories.storyOf("c"));
        assertThat(List.of(stories.storyOf("a"), stories.storyOf("c"))).contains(stories.storyOf("b"));
        assertThat(bridge.storyId()).isIn("story-a", "story-c");
    }

    @Test
    void forgettingTheEarliestReportHandsTheStoryToTheNext() {
        see("a1", MONDAY, "Pompeo and Lavrov to meet over Venezuela in Finland", PEOPLE);
        see("a2", MONDAY.plusSeconds(3600), "Lavrov and Pompeo to meet in Finland over Venezuela", PEOPLE);

        List<Stories.Revision> revisions = stories.expire(MONDAY.plusSeconds(60));

        assertThat(revisions).containsExactly(new Stories.Revision("a2", "story-a2"));
        assertThat(stories.storyOf("a1")).isEmpty();
    }

    @Test
    void keepsOneCopyOfEachWordWhileAnArticleHoldsItAndNoneAfter() {
        see("a1", MONDAY, "Pompeo and Lavrov to meet over Venezuela in Finland", PEOPLE);
        int one = stories.sharedWordCount();
        see("a2", MONDAY.plusSeconds(3600), "Lavrov and Pompeo to meet in Finland over Venezuela crisis", PEOPLE);
        see("a2", MONDAY.plusSeconds(3600), "Lavrov and Pompeo to meet in Finland over Venezuela crisis", PEOPLE);

        assertThat(stories.sharedWordCount()).as("a2 adds one word, once however often it is seen").isEqualTo(one + 1);
        stories.expire(MONDAY.plusSeconds(60));
        assertThat(stories.sharedWordCount()).isEqualTo(one + 1);
        stories.expire(MONDAY.plus(Duration.ofDays(1)));
        assertThat(stories.sharedWordCount()).isZero();
    }

    @Test
    void theGroupingIsTheSameWhateverTheArrivalOrder() {
        List<String[]> reports = List.of(
                new String[] {"v1", "Pompeo Lavrov meet Finland Venezuela Arctic Council Rovaniemi"},
                new String[] {"v2", "Rovaniemi meeting Pompeo Lavrov Arctic Council Venezuela"},
                new String[] {"v3", "Arctic Council Rovaniemi Pompeo Lavrov talks Venezuela Finland"},
                new String[] {"s1", "Pompeo Sochi Putin visit Lavrov talks Russia"},
                new String[] {"s2", "Sochi visit Putin Pompeo Russia Lavrov agenda"},
                new String[] {"c1", "cocoa Bahia showers temporao crop"},
                new String[] {"c2", "Bahia cocoa crop showers improved"});
        Map<String, String> first = null;
        Random random = new Random(7);
        for (int run = 0; run < 30; run++) {
            List<String[]> order = new ArrayList<>(reports);
            Collections.shuffle(order, random);
            Stories fresh = new Stories(new Stories.Settings(Duration.ofDays(3), 0.3, 0.2), FLAT);
            Map<String, String> answers = new TreeMap<>();
            for (String[] r : order) {
                Stories.Seen seen = fresh.see(r[0], MONDAY, Words.content(r[1]), List.of());
                answers.put(r[0], seen.storyId());
                seen.revisions().forEach(v -> answers.put(v.articleId(), v.storyId()));
            }
            if (first == null) {
                first = answers;
                assertThat(answers).containsEntry("v3", "story-v1").containsEntry("s2", "story-s1")
                        .containsEntry("c2", "story-c1");
            }
            assertThat(answers).isEqualTo(first);
        }
    }

    @Test
    void aConnectedSetTooLargeToClusterIsCutAtARaisedThresholdTheSameWayInAnyOrder() {
        // 48 reports all similar (0.5) through two shared words, eight events similar at 0.75 among themselves; at most 20 clustered together.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            ids.add(String.format("r%03d", i));
        }
        Map<String, String> first = null;
        Random random = new Random(11);
        for (int run = 0; run < 10; run++) {
            List<String> order = new ArrayList<>(ids);
            Collections.shuffle(order, random);
            Stories fresh = new Stories(new Stories.Settings(Duration.ofDays(3), 0.3, 0.0, 20), FLAT);
            Map<String, String> answers = new TreeMap<>();
            for (String id : order) {
                int n = Integer.parseInt(id.substring(1));
                Stories.Seen seen = fresh.see(id, MONDAY, List.of("alpha", "beta", "event" + (char) ('a' + n % 8), "own" + id), List.of());
                answers.put(id, seen.storyId());
                seen.revisions().forEach(v -> answers.put(v.articleId(), v.storyId()));
            }
            assertThat(fresh.largestGroup()).isGreaterThan(20);
            assertThat(answers.values().stream().distinct()).hasSize(8);
            assertThat(answers).containsEntry("r047", "story-r007");
            if (first == null) {
                first = answers;
            }
            assertThat(answers).isEqualTo(first);
        }
    }

    @Test
    void aLargeConnectedSetLosingArticlesAnswersAsOneBuiltFromWhatRemains() {
        // 72 reports an hour apart, all similar through two shared words, nine events; at most 20 clustered together.
        // Live: each arrival in a random order, then what is 30 hours behind the latest forgotten. Its answers for
        // what remains must be those of a memory given only what remains.
        Stories.Settings settings = new Stories.Settings(Duration.ofDays(3), 0.3, 0.0, 20);
        Random random = new Random(5);
        for (int run = 0; run < 5; run++) {
            List<Integer> order = new ArrayList<>();
            for (int n = 0; n < 72; n++) {
                order.add(n);
            }
            Collections.shuffle(order, random);
            Stories live = new Stories(settings, FLAT);
            Map<String, String> answers = new TreeMap<>();
            Instant latest = Instant.MIN;
            for (int n : order) {
                Instant time = MONDAY.plus(Duration.ofHours(n));
                latest = time.isAfter(latest) ? time : latest;
                Stories.Seen seen = live.see(report(n), time, words(n), List.of());
                answers.put(report(n), seen.storyId());
                seen.revisions().forEach(v -> answers.put(v.articleId(), v.storyId()));
                live.expire(latest.minus(Duration.ofHours(30))).forEach(v -> answers.put(v.articleId(), v.storyId()));
            }
            Stories rebuilt = new Stories(settings, FLAT);
            for (int n = 41; n < 72; n++) { // 71 - 30: what remains
                rebuilt.see(report(n), MONDAY.plus(Duration.ofHours(n)), words(n), List.of());
            }
            assertThat(live.size()).isEqualTo(rebuilt.size()).isEqualTo(31);
            assertThat(live.largestGroup()).isGreaterThan(20);
            for (int n = 41; n < 72; n++) {
                assertThat(answers.get(report(n))).as(report(n)).isEqualTo(rebuilt.storyOf(report(n)).orElseThrow());
            }
        }
    }

    private static String report(int n) {
        return String.format("r%03d", n);
    }

    private static List<String> words(int n) {
        return List.of("alpha", "beta", "event" + (char) ('a' + n % 9), "own" + n);
    }
}
