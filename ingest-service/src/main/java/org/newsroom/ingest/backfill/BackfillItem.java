package org.newsroom.ingest.backfill;

import org.newsroom.contracts.Source;
import org.newsroom.ingest.parsing.ParsedArticle;

/** One item met by a backfill: an article to publish, or an input that could not become one. */
sealed interface BackfillItem {

    /** Where the item was found, for the summary, e.g. {@code wires/afp.xml item 3} or {@code reuters21578/1234}. */
    String where();

    record Article(String where, Source source, ParsedArticle article) implements BackfillItem {
    }

    record Failure(String where, String reason) implements BackfillItem {
    }
}
