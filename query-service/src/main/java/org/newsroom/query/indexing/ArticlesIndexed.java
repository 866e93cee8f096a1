package org.newsroom.query.indexing;

import java.util.List;
import org.newsroom.contracts.ArticleEnriched;

/**
 * Published in-process after a batch is durably written to the index: what live features (streams of new
 * articles, saved-search alerts) react to. {@code removed} holds the ids of articles taken out of search.
 */
public record ArticlesIndexed(List<ArticleEnriched> articles, List<String> removed) {

    public ArticlesIndexed {
        articles = List.copyOf(articles);
        removed = List.copyOf(removed);
    }
}
