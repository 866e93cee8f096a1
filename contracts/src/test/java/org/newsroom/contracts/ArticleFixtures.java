package org.newsroom.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** State-named fixtures for the event contracts. */
final class ArticleFixtures {

    private ArticleFixtures() {
    }

    static ArticleReceived afpWireStoryReceived() {
        return new ArticleReceived(UUID.fromString("6f1c1b4e-3f55-4f0e-9a43-0d5b7b0c2a11"),
                Instant.parse("2019-05-13T08:00:01Z"), "9b1d4c2a7f3e8d6b5a4c3b2a1f0e9d8c", 1,
                new Source("inbox", SourceKind.folder, "002_634aa77e30c9f16e.txt"), "text", null, null,
                "Pompeo in Russia: Five Talking Points",
                List.of("US Secretary of State Mike Pompeo will have plenty to talk about with his Russian counterpart "
                        + "Sergei Lavrov when the pair meet in the southern Russian city of Sochi on Tuesday."),
                Instant.parse("2019-05-13T07:55:00Z"), null, new Dateline("Moscow", "AFP"), "en",
                List.of(new Removal("Moscow (AFP) –", "dateline")), PubStatus.usable,
                "4f6b2d1e-8c3a-4e5f-9b7d-2a1c0e9f8d7b");
    }

    static ArticleEnriched afpWireStoryEnriched() {
        ArticleReceived received = afpWireStoryReceived();
        Enrichment enrichment = new Enrichment("0.1.0",
                List.of(new Tag("medtop:20000621", "diplomacy", "iptc-mediatopic", 0.92, List.of("term:diplomat"))),
                List.of(new Entity("person:sergey-lavrov", "Sergey Lavrov", EntityType.person,
                        List.of("Sergei Lavrov", "Lavrov"), 2)),
                Dedup.originalOf(received.articleId(), "minhash-lsh"), "story-" + received.articleId());
        return ArticleEnriched.of(received, enrichment, Instant.parse("2019-05-13T08:00:02Z"))
                .withDedup(Dedup.originalOf(received.articleId(), "minhash-lsh"));
    }
}
