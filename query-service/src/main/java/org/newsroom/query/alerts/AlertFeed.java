package org.newsroom.query.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.newsroom.query.indexing.ArticleDocument;
import org.newsroom.query.language.ElasticsearchQuery;
import org.newsroom.query.web.Links;
import org.springframework.stereotype.Component;

/**
 * A saved search as an Atom feed ({@code GET /api/alerts/{id}/feed}): its newest matching articles, found by
 * running its query as a search (the same rendering the search API sends), written by ROME.
 */
@Component
class AlertFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    static final int ENTRIES = 50;

    private final ElasticsearchClient client;
    private final AlertIndex index;

    AlertFeed(ElasticsearchClient client, AlertIndex index) {
        this.client = client;
        this.index = index;
    }

    String feed(Alert alert) throws IOException {
        List<ArticleDocument> articles = client.search(s -> s.index(index.articleAlias()).size(ENTRIES)
                        .query(ElasticsearchQuery.of(alert.toQuery()))
                        .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc).missing("_last")))
                        .sort(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc))), ArticleDocument.class)
                .hits().hits().stream().map(h -> h.source()).toList();
        return atom(alert, articles, Instant.now());
    }

    /** The feed document; {@code now} is its update time when no article has a date. */
    static String atom(Alert alert, List<ArticleDocument> articles, Instant now) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(alert.name());
        feed.setUri("urn:newsroom:alert:" + alert.id());
        feed.setLink("/api/alerts/" + alert.id() + "/feed");
        feed.setDescription("Articles matching the saved search " + alert.name());
        feed.setPublishedDate(Date.from(articles.stream().map(ArticleDocument::publishedAt)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(now)));
        feed.setEntries(articles.stream().map(AlertFeed::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("an Atom feed built here is always complete", e);
        }
    }

    private static SyndEntry entry(ArticleDocument article) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:newsroom:article:" + article.articleId());
        entry.setTitle(article.headline());
        entry.setLink(Links.isHttp(article.url()) ? article.url() : "/api/articles/" + article.articleId());
        if (article.publishedAt() != null) {
            entry.setPublishedDate(Date.from(article.publishedAt()));
            entry.setUpdatedDate(Date.from(article.publishedAt()));
        }
        if (article.paragraphs() != null && !article.paragraphs().isEmpty()) {
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(article.paragraphs().getFirst());
            entry.setDescription(summary);
        }
        if (article.source() != null) {
            entry.setAuthor(article.byline() != null ? article.byline() : article.source().name());
        }
        return entry;
    }
}
