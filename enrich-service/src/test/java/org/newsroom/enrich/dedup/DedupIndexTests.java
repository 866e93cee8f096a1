package org.newsroom.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.DedupStatus;

class DedupIndexTests {

    private static final DedupSettings SETTINGS = DedupSettings.defaults();
    private final Fingerprinter fingerprinter = new Fingerprinter(SETTINGS);
    private final DedupIndex index = new DedupIndex(SETTINGS, Duration.ofDays(30));
    private Instant clock = Instant.parse("2019-05-06T12:00:00Z");

    @Test
    void findsNoDuplicatesAmongTheFiveSeedReportsOfOneEvent() {
        for (Seeds seed : Seeds.all()) {
            assertThat(arrive(seed)).containsExactly(Decision.originalOf(fingerprint(seed)));
        }
    }

    @Test
    void flagsAReheadlinedSeedWithItsLastThreeParagraphsCutAsNearDuplicate() {
        Seeds seed = Seeds.first();
        arrive(seed);
        Seeds trimmed = seed.republished("trimmed", seed.publishedAt().plusSeconds(3600),
                seed.paragraphs().subList(0, seed.paragraphs().size() - 3));

        Dedup dedup = arrive(trimmed).getFirst().dedup();

        assertThat(dedup.status()).isEqualTo(DedupStatus.near_duplicate);
        assertThat(dedup.canonicalId()).isEqualTo(seed.articleId());
        assertThat(dedup.containment()).isGreaterThan(0.9);
        assertThat(dedup.method()).isEqualTo(Verification.MINHASH_LSH);
    }

    @Test
    void flagsACopyWithALocalParagraphAddedAsNearDuplicate() {
        Seeds seed = Seeds.first();
        arrive(seed);
        List<String> padded = new ArrayList<>(seed.paragraphs());
        // Inside the story, before its sign-off ("Matthew Lee in Washington contributed to this story."): after it,
        // the paragraph would be the outlet's footer and the copy an exact duplicate.
        padded.add(padded.size() - 1, "Venezuelan families in the county said they were following the talks closely.");

        Dedup dedup = arrive(seed.republished("padded", seed.publishedAt().plusSeconds(60), padded)).getFirst().dedup();

        assertThat(dedup.status()).isEqualTo(DedupStatus.near_duplicate);
        assertThat(dedup.canonicalId()).isEqualTo(seed.articleId());
    }

    @Test
    void flagsACopyThatOnlyAddsTheOutletsPromotionsAndCreditsAsExactDuplicate() {
        Seeds seed = Seeds.first();
        arrive(seed);
        List<String> padded = new ArrayList<>(seed.paragraphs());
        padded.addFirst("Local readers can find more coverage of the Venezuela crisis on our world news pages.");
        padded.add("This story was provided by a wire agency. Copyright 2019. All rights reserved. "
                + "Sign up for our daily newsletter to get the top stories in your inbox every morning.");
        padded.add("Additional reporting by Jane Doe in Caracas; editing by Tom Becker");

        Dedup dedup = arrive(seed.republished("padded", seed.publishedAt().plusSeconds(60), padded)).getFirst().dedup();

        assertThat(dedup.status()).isEqualTo(DedupStatus.exact_duplicate);
        assertThat(dedup.canonicalId()).isEqualTo(seed.articleId());
    }

    @Test
    void flagsACopyThatIsTrimmedAndPaddedAtOnceAsNearDuplicate() {
        Seeds seed = Seeds.first();
        arrive(seed);
        List<String> mixed = new ArrayList<>(seed.paragraphs().subList(0, seed.paragraphs().size() / 2 + 1));
        mixed.set(0, "CARACAS, May 6 (AP) \u2014 " + mixed.getFirst());
        mixed.addFirst("Carlos Mendes, Associated Press Writer");
        mixed.add("Venezuelan families in the county said they were following the talks closely.");
        mixed.add("Associated Press writer Jane Doe in Caracas contributed to this report.");

        Dedup dedup = arrive(seed.republished("mixed", seed.publishedAt().plusSeconds(60), mixed)).getFirst().dedup();

        assertThat(dedup.status()).isEqualTo(DedupStatus.near_duplicate);
        assertThat(dedup.canonicalId()).isEqualTo(seed.articleId());
    }

    @Test
    void flagsACopyCutToItsLeadAndPaddedWithTheOutletsOwnParagraphsAsNearDuplicate() {
        Seeds seed = Seeds.first();
        arrive(seed);
        List<String> cut = new ArrayList<>(List.of(
                "Editor's note: this story has been updated with comment from the embassy.",
                "JANE DOE, Herald Tribune",
                "MOSCOW, May 6 (AP) \u2014 " + seed.paragraphs().getFirst(),
                seed.paragraphs().get(1),
                seed.paragraphs().get(2),
                "Residents who spoke to the Herald on Monday said they were following the crisis closely.",
                "The Herald's editorial board will discuss what the meeting means for the region this week.",
                "Associated Press writer Jane Doe in Caracas contributed to this report.",
                "For more world news and analysis, read the foreign page every morning."));

        Seeds copy = seed.republished("cut", seed.publishedAt().plusSeconds(60), cut);

        Dedup dedup = arrive(copy).getFirst().dedup();

        assertThat(dedup.status()).isEqualTo(DedupStatus.near_duplicate);
        assertThat(dedup.canonicalId()).isEqualTo(seed.articleId());
        DedupSettings withoutLead = SETTINGS.withThresholds(SETTINGS.nearContainment(), SETTINGS.containmentJaccard(),
                SETTINGS.leadWords(), 1.01);
        assertThat(new Verification(withoutLead).verify(fingerprint(seed), fingerprint(copy)))
                .as("Jaccard and containment alone miss it (J %.2f)", dedup.similarity()).isEmpty();
    }

    @Test
    void keepsStoriesThatOpenAlikeButGoOnDifferentlyApart() {
        String opening = "The following proposed securities offerings were filed recently with the Securities and "
                + "Exchange Commission, the agency said on its weekly list of registrations:";
        Seeds first = new Seeds("offerings-1", clock, "Offerings", List.of(opening,
                "Acme Tool Corp, a maker of drills and saws, plans to sell two mln common shares through Smith "
                        + "Barney, with the proceeds going to repay bank debt and to fund a new plant in Ohio.",
                "Delta Mining Co of Denver proposes to offer 1.5 mln units, each one share and one warrant, "
                        + "through a group led by Drexel Burnham Lambert, to pay for exploring two gold claims.",
                "Pacific Freight Lines Inc wants to sell 30 mln dlrs of convertible debentures due 2012 via "
                        + "Kidder Peabody and will spend the proceeds on new trucks and a terminal in Oakland."));
        Seeds second = new Seeds("offerings-2", clock.plusSeconds(3600), "Offerings", List.of(opening,
                "Harbor Savings Bank of Maryland intends to issue 50 mln dlrs of ten-year subordinated notes "
                        + "through Goldman Sachs, and will use the money to buy mortgage securities this spring.",
                "Northern Software Group Ltd filed for an initial public offering of 900,000 shares at an "
                        + "expected 11 to 13 dlrs each, with Alex Brown and Sons as the lead underwriter.",
                "Summit Hotels Corp registered 2.2 mln shares to be sold by holders, among them its founder, "
                        + "through Merrill Lynch; the company itself will receive none of the money raised."));
        arrive(first);

        assertThat(arrive(second)).containsExactly(Decision.originalOf(fingerprint(second)));
    }

    @Test
    void flagsTheSameBodyFromAnotherSourceAsExactDuplicateWhateverItsHeadlineCaseAndDateline() {
        Seeds seed = Seeds.all().get(1);
        arrive(seed);
        List<String> copy = new ArrayList<>(seed.paragraphs().stream().map(String::toUpperCase).toList());
        copy.set(0, "WASHINGTON (AP) — " + copy.getFirst());
        copy.addFirst("By Matthew Lee");

        Dedup dedup = arrive(seed.republished("copy", seed.publishedAt().plusSeconds(5), copy)).getFirst().dedup();

        assertThat(dedup).isEqualTo(new Dedup(DedupStatus.exact_duplicate, seed.articleId(), 1.0, 1.0, "content-hash"));
    }

    @Test
    void reEmitsTheCopysDecisionWhenItsEarlierOriginalArrivesLater() {
        Seeds seed = Seeds.first();
        Seeds copy = seed.republished("copy", seed.publishedAt().plusSeconds(3600), seed.paragraphs());

        assertThat(arrive(copy)).extracting(d -> d.dedup().status()).containsExactly(DedupStatus.original);
        List<Decision> decisions = arrive(seed);

        assertThat(decisions).extracting(Decision::articleId).containsExactly(seed.articleId(), "copy");
        assertThat(decisions.getFirst().dedup().status()).isEqualTo(DedupStatus.original);
        assertThat(decisions.get(1).dedup().canonicalId()).isEqualTo(seed.articleId());
        assertThat(decisions.get(1).dedup().status()).isEqualTo(DedupStatus.exact_duplicate);
    }

    @Test
    void breaksPublicationTiesByArticleId() {
        Seeds seed = Seeds.first();
        arrive(seed.republished("b-copy", seed.publishedAt(), seed.paragraphs()));

        List<Decision> decisions = arrive(seed.republished("a-copy", seed.publishedAt(), seed.paragraphs()));

        assertThat(decisions).extracting(d -> d.articleId() + "->" + d.dedup().canonicalId())
                .containsExactly("a-copy->a-copy", "b-copy->a-copy");
    }

    @Test
    void forgetsArticlesThatArrivedBeforeTheWindow() {
        Seeds seed = Seeds.first();
        arrive(seed);
        clock = clock.plus(Duration.ofDays(31));

        Decision late = arrive(seed.republished("late", seed.publishedAt().plusSeconds(60), seed.paragraphs())).getFirst();

        assertThat(late.dedup().status()).isEqualTo(DedupStatus.original);
    }

    @Test
    void decidesACorrectionAfreshAndNoLongerMatchesItsReplacedText() {
        List<Seeds> seeds = Seeds.all();
        Seeds original = seeds.getFirst();
        arrive(original);
        Seeds copy = original.republished("copy", original.publishedAt().plusSeconds(60), original.paragraphs());
        assertThat(arrive(copy).getFirst().dedup().status()).isEqualTo(DedupStatus.exact_duplicate);

        Seeds corrected = seeds.get(1).republished("copy", original.publishedAt().plusSeconds(60),
                seeds.get(1).paragraphs());
        assertThat(arrive(corrected)).extracting(d -> d.dedup().status()).containsExactly(DedupStatus.original);
        Seeds another = original.republished("another", original.publishedAt().plusSeconds(120), original.paragraphs());

        assertThat(arrive(another)).extracting(d -> d.articleId() + "->" + d.dedup().canonicalId())
                .containsExactly("another->" + original.articleId());
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void comparesANewcomerOnlyWithTheNewestMembersOfACrowdedBucket() {
        // Two members per bucket: the original, beyond the cap in the content-hash bucket, is beyond it in every
        // LSH band too (each band holds the copies as well), so a flood of copies costs the cap, not the flood.
        DedupIndex capped = new DedupIndex(capAt(2), Duration.ofDays(30));
        Seeds seed = Seeds.first();
        List<Decision> last = List.of();
        for (int i = 0; i < 4; i++) {
            Seeds copy = seed.republished("copy-" + i, seed.publishedAt().plusSeconds(60L * i), seed.paragraphs());
            last = capped.add(fingerprint(copy), clock.plusSeconds(i));
        }

        assertThat(last).extracting(x -> x.articleId() + "->" + x.dedup().canonicalId())
                .containsExactly("copy-3->copy-1");
    }

    @Test
    void comparesAMemberBeyondTheCapOfOneBucketWhereAnotherBucketItSharesHoldsItAmongItsNewest() {
        // Signatures by hand: 42 bands of 3 values. The copy shares the first 69 values with the newcomer (bands 1
        // to 23, Jaccard estimate 0.54); two unrelated articles share only band 1 and fill its cap.
        DedupIndex capped = new DedupIndex(capAt(2), Duration.ofDays(30));
        int[] newcomer = new int[128];
        int[] copy = new int[128];
        for (int i = 0; i < 128; i++) {
            newcomer[i] = i;
            copy[i] = i < 69 ? i : -i;
        }
        Instant published = Instant.parse("2019-05-06T10:00:00Z");
        capped.add(new Fingerprint("copy", published, 1, 100, copy, 0), clock);
        for (int n = 0; n < 2; n++) {
            int[] unrelated = new int[128];
            for (int i = 0; i < 128; i++) {
                unrelated[i] = i < 3 ? i : 1000 * (n + 1) + i;
            }
            capped.add(new Fingerprint("unrelated-" + n, published, 10 + n, 100, unrelated, 0), clock.plusSeconds(n + 1));
        }

        Decision decision = capped.add(new Fingerprint("newcomer", published.plusSeconds(60), 2, 100, newcomer, 0),
                clock.plusSeconds(3)).getFirst();

        assertThat(decision.dedup().canonicalId()).isEqualTo("copy");
        assertThat(decision.dedup().status()).isEqualTo(DedupStatus.near_duplicate);
    }

    @Test
    void evictionAndRestoreDecideAsAnUninterruptedRun() {
        List<Seeds> arrivals = new ArrayList<>();
        for (Seeds seed : Seeds.all()) {
            arrivals.add(seed.republished(seed.articleId() + "-late", seed.publishedAt().plusSeconds(3600), seed.paragraphs()));
        }
        arrivals.addAll(Seeds.all());
        for (Seeds seed : Seeds.all()) {
            arrivals.add(seed.republished(seed.articleId() + "-trimmed", seed.publishedAt().plusSeconds(60),
                    seed.paragraphs().subList(0, seed.paragraphs().size() - 2)));
        }
        Duration window = Duration.ofDays(3);
        Duration apart = Duration.ofHours(12);
        Instant start = clock;

        DedupIndex uninterrupted = new DedupIndex(SETTINGS, window);
        List<Decision> live = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            live.addAll(uninterrupted.add(fingerprint(arrivals.get(i)), start.plus(apart.multipliedBy(i))));
        }
        // Stopped after 9 arrivals, rebuilt from those still in the window, then run on.
        int stoppedAt = 9;
        DedupIndex rebuilt = new DedupIndex(SETTINGS, window);
        for (int i = 0; i < stoppedAt; i++) {
            Instant at = start.plus(apart.multipliedBy(i));
            if (!at.isBefore(start.plus(apart.multipliedBy(stoppedAt - 1)).minus(window))) {
                rebuilt.restore(fingerprint(arrivals.get(i)), at);
            }
        }
        List<Decision> resumed = new ArrayList<>();
        for (int i = stoppedAt; i < arrivals.size(); i++) {
            resumed.addAll(rebuilt.add(fingerprint(arrivals.get(i)), start.plus(apart.multipliedBy(i))));
        }

        assertThat(resumed).isEqualTo(live.subList(live.size() - resumed.size(), live.size()));
        assertThat(live).extracting(d -> d.dedup().status()).contains(DedupStatus.exact_duplicate,
                DedupStatus.near_duplicate);
        assertThat(rebuilt.size()).as("only the window's articles are kept").isEqualTo(uninterrupted.size())
                .isLessThan(arrivals.size());
        for (Seeds seed : arrivals.subList(arrivals.size() - 3, arrivals.size())) {
            assertThat(rebuilt.decisionOf(seed.articleId())).isEqualTo(uninterrupted.decisionOf(seed.articleId()));
        }
    }

    private static DedupSettings capAt(int maxBucketMembers) {
        DedupSettings d = SETTINGS;
        return new DedupSettings(d.shingleSize(), d.hashes(), d.bands(), d.nearJaccard(), d.nearContainment(),
                d.containmentJaccard(), maxBucketMembers, d.leadWords(), d.leadJaccard());
    }

    private List<Decision> arrive(Seeds article) {
        clock = clock.plusSeconds(1);
        return index.add(fingerprint(article), clock);
    }

    private Fingerprint fingerprint(Seeds article) {
        return fingerprinter.fingerprint(article.articleId(), article.publishedAt(), article.paragraphs());
    }
}
