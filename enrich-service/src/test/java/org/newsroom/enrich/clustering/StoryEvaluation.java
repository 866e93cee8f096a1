package org.newsroom.enrich.clustering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.SeedArticles;
import org.newsroom.enrich.ServiceDefaults;
import org.newsroom.enrich.memory.Facts;
import org.newsroom.enrich.tagging.EnrichmentSteps;
import org.newsroom.enrich.tagging.TaggingProperties;

/**
 * {@code ./newsroom story-eval [folder] [grid]}: how well {@link Stories} groups ECB+ documents by event, through the
 * code enrich-service runs (the enricher's {@link Facts}, then {@link Stories#see} with the service's default
 * settings, revisions applied). Reports pairwise and BCubed precision, recall and F1 per split (train topics, dev
 * topics: {@link EcbPlus#DEV_TOPICS}; where the corpus is: {@link EcbPlus}) and per arrival order: the corpus' own
 * file order and two seeded shuffles. {@code grid} sweeps threshold and entity weight on the train topics only,
 * which is how the defaults were chosen; the dev topics never tuned anything.
 */
public final class StoryEvaluation {

    /** Pairwise and BCubed precision, recall and F1, and how many groups were made against how many events. */
    record Score(double pairP, double pairR, double pairF, double b3P, double b3R, double b3F, int groups, int events) {

        String line() {
            return String.format(Locale.ROOT, "pairwise P %.3f R %.3f F1 %.3f | BCubed P %.3f R %.3f F1 %.3f | %d stories, %d events",
                    pairP, pairR, pairF, b3P, b3R, b3F, groups, events);
        }
    }

    /** A document as enrich would see it, with its gold event. */
    record Labelled(String id, String event, Facts input) {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "data/story-clustering");
        List<EcbPlus> documents = EcbPlus.read(folder);
        TaggingProperties defaults = defaults();
        Enricher enricher = enricher(defaults);
        List<Labelled> train = labelled(enricher, documents.stream().filter(d -> !d.dev()).toList());
        List<Labelled> dev = labelled(enricher, documents.stream().filter(EcbPlus::dev).toList());
        System.out.printf("[story-eval] ECB+ topics 1-35: train %d documents, dev %d (topics %s)%n", train.size(),
                dev.size(), EcbPlus.DEV_TOPICS.stream().sorted().toList());
        if (args.length > 1 && args[1].equals("grid")) {
            grid(train, defaults.storyWindow());
            return;
        }
        Stories.Settings settings = EnrichmentSteps.stories(defaults);
        System.out.printf(Locale.ROOT, "[story-eval] settings: threshold %.3f, entity weight %.2f (the service's defaults)%n",
                settings.threshold(), settings.entityWeight());
        for (String split : List.of("train", "dev")) {
            List<Labelled> set = split.equals("train") ? train : dev;
            Map<String, String> first = null;
            for (String order : List.of("file order", "shuffle seed 42", "shuffle seed 7")) {
                List<Labelled> arrival = ordered(set, order);
                Map<String, String> stories = cluster(arrival, settings);
                System.out.printf("%-5s %-16s %s%n", split, order, score(set, stories).line());
                if (first == null) {
                    first = stories;
                } else if (!first.equals(stories)) {
                    System.out.printf("%-5s %-16s grouping DIFFERS from file order%n", split, order);
                }
            }
        }
    }

    /** The service's own defaults; only the rules file goes elsewhere. */
    static TaggingProperties defaults() {
        return ServiceDefaults.tagging("story-eval-rules.yaml");
    }

    static Enricher enricher(TaggingProperties settings) {
        return ServiceDefaults.enricher("story-eval", settings);
    }

    static List<Labelled> labelled(Enricher enricher, List<EcbPlus> documents) {
        List<Labelled> labelled = new ArrayList<>();
        for (EcbPlus d : documents) {
            // No publication times in ECB+: every document gets the same one, so time never separates stories.
            ArticleReceived article = SeedArticles.article(d.id(), d.headline(), d.sentences(), null);
            labelled.add(new Labelled(d.id(), d.event(), enricher.facts(article)));
        }
        return labelled;
    }

    static List<Labelled> ordered(List<Labelled> set, String order) {
        List<Labelled> arrival = new ArrayList<>(set);
        if (order.startsWith("shuffle seed ")) {
            Collections.shuffle(arrival, new Random(Long.parseLong(order.substring("shuffle seed ".length()))));
        }
        return arrival;
    }

    /** Each document's final story: the answer at arrival, then any revision. */
    static Map<String, String> cluster(List<Labelled> arrival, Stories.Settings settings) {
        Stories stories = new Stories(settings, ServiceDefaults.idf());
        Map<String, String> story = new HashMap<>();
        for (Labelled d : arrival) {
            Stories.Seen seen = stories.see(d.id(), d.input().time(), d.input().words(), d.input().entityKeys());
            story.put(d.id(), seen.storyId());
            seen.revisions().forEach(r -> story.put(r.articleId(), r.storyId()));
        }
        return story;
    }

    static Score score(List<Labelled> set, Map<String, String> story) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        double b3p = 0;
        double b3r = 0;
        for (int i = 0; i < set.size(); i++) {
            int same = 0;
            int gold = 0;
            int both = 0;
            for (int j = 0; j < set.size(); j++) {
                boolean s = story.get(set.get(i).id()).equals(story.get(set.get(j).id()));
                boolean g = set.get(i).event().equals(set.get(j).event());
                same += s ? 1 : 0;
                gold += g ? 1 : 0;
                both += s && g ? 1 : 0;
                if (j > i) {
                    tp += s && g ? 1 : 0;
                    fp += s && !g ? 1 : 0;
                    fn += !s && g ? 1 : 0;
                }
            }
            b3p += (double) both / same;
            b3r += (double) both / gold;
        }
        double p = tp / (double) Math.max(1, tp + fp);
        double r = tp / (double) Math.max(1, tp + fn);
        b3p /= set.size();
        b3r /= set.size();
        return new Score(p, r, f1(p, r), b3p, b3r, f1(b3p, b3r), (int) story.values().stream().distinct().count(),
                (int) set.stream().map(Labelled::event).distinct().count());
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Threshold and entity weight on the train topics, in file order (the grouping does not depend on it). */
    private static void grid(List<Labelled> train, Duration window) {
        for (double w : new double[] {0.0, 0.1, 0.2, 0.3, 0.4}) {
            for (double t = 0.075; t <= 0.301; t += 0.025) {
                Score s = score(train, cluster(train, new Stories.Settings(window, t, w)));
                System.out.printf(Locale.ROOT, "train w %.1f t %.3f  %s%n", w, t, s.line());
            }
        }
    }
}
