package org.newsroom.query.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Tag;
import org.newsroom.query.indexing.ArticleDocument;

/** Enriched articles for live, alert and page tests, named after what they are. */
public final class TestArticles {

    public static final Tag POLITICS = new Tag("medtop:11000000", "politics", "iptc-mediatopic", 0.9, List.of());
    public static final Tag SPORT = new Tag("medtop:15000000", "sport", "iptc-mediatopic", 0.9, List.of());

    private TestArticles() {
    }

    /** Seed 000: the AP story on the Pompeo-Lavrov meeting over Venezuela. */
    public static ArticleEnriched venezuelaStory(String id) {
        return original(id, "AP", new Dateline("Moscow", "AP"), Instant.parse("2019-05-03T12:00:00Z"), List.of(POLITICS),
                "Pompeo-Lavrov meeting comes as Venezuela tension grows",
                "The top diplomats of Russia and the United States are to meet next week as sharp disagreement over "
                        + "the crisis in Venezuela becomes an apparently widening fault line.",
                "The meeting on the sidelines of an Arctic Council session in Rovaniemi, Finland, was confirmed "
                        + "Friday by Russian Deputy Foreign Minister Sergei Ryabkov.");
    }

    /** A BBC sport report with nothing about politics. */
    public static ArticleEnriched footballReport(String id) {
        return original(id, "BBC", null, Instant.parse("2019-05-04T18:30:00Z"), List.of(SPORT),
                "Late penalty sends Rovers through to the cup final",
                "A stoppage-time penalty gave Rovers a 2-1 win over United in the semi-final at a rain-soaked ground.",
                "The manager praised his players for keeping their nerve after falling behind in the first half.");
    }

    /** An original article: its own canonical copy, in a story of its own. */
    public static ArticleEnriched original(String id, String source, Dateline dateline, Instant publishedAt,
                                           List<Tag> tags, String headline, String... paragraphs) {
        Instant now = Instant.now();
        return new ArticleEnriched(UUID.randomUUID(), now, id, 1, new Source(source, SourceKind.http, "test:" + id),
                "text", "https://news.example/" + id, null, headline, List.of(paragraphs), publishedAt, null,
                dateline, "en", List.of(), null, null, "test-1", now, tags, List.of(),
                Dedup.originalOf(id, "content-hash"), "story-" + id);
    }

    /** {@code article} as read from a web page whose extractor took {@code extraction}'s path. */
    public static ArticleEnriched fromWebPage(ArticleEnriched a, Extraction extraction) {
        return ArticleBuilder.from(a).format("html").extraction(extraction).build();
    }

    /** {@code article} as the index stores it. */
    public static ArticleDocument document(ArticleEnriched article) {
        return new ArticleDocument(article.articleId(), article.version(), article.source(), article.format(),
                article.url(), article.guid(), article.headline(), article.paragraphs(), article.publishedAt(),
                article.byline(), article.dateline(), article.language(), article.enrichmentVersion(),
                article.enrichedAt(), article.tags(), article.entities(), article.dedup(), article.storyId(),
                article.correlationId(), Instant.now());
    }
}
