package org.newsroom.query.live;

import java.time.Instant;
import java.util.List;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.Tag;
import org.newsroom.query.web.Links;

/**
 * A newly indexed article as a live stream sends it: the fields of a search hit (so a page renders both the
 * same way) plus tag labels, with the opening of the body as the snippet. A {@code url} that is not http(s) is
 * dropped, as in search hits (see {@link Links}). {@code extraction} (web pages only) lets a reader of the stream
 * see a weak extraction as it arrives, as a search hit shows it.
 */
public record LiveArticle(String id, String headline, Instant publishedAt, Source source, Dateline dateline,
                          String url, String snippet, Dedup dedup, String storyId, List<String> tags,
                          Extraction extraction) {

    private static final int SNIPPET_LENGTH = 200;

    public LiveArticle {
        url = Links.isHttp(url) ? url : null;
    }

    static LiveArticle of(ArticleEnriched article) {
        List<String> tags = article.tags().stream().map(LiveArticle::label).toList();
        return new LiveArticle(article.articleId(), article.headline(), article.publishedAt(), article.source(),
                article.dateline(), article.url(), snippet(article), article.dedup(), article.storyId(), tags,
                article.extraction());
    }

    private static String snippet(ArticleEnriched article) {
        String body = article.paragraphs().isEmpty() ? "" : article.paragraphs().getFirst();
        if (body.length() <= SNIPPET_LENGTH) {
            return body;
        }
        int cut = body.lastIndexOf(' ', SNIPPET_LENGTH);
        return body.substring(0, cut > 0 ? cut : SNIPPET_LENGTH) + " …";
    }

    /** Keeps {@link Tag} out of the payload: a reader needs the label, not the evidence. */
    private static String label(Tag tag) {
        return tag.label() == null ? tag.id() : tag.label();
    }
}
