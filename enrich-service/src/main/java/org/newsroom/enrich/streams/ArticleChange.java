package org.newsroom.enrich.streams;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.PubStatus;

/**
 * What reaches the version gate for an article, keyed by its id on the {@code article-versions} repartition
 * topic: an enriched (possibly re-decided) version, or the kill or hold of a version, which skipped enrichment.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = ArticleChange.Enriched.class, name = "enriched"),
        @JsonSubTypes.Type(value = ArticleChange.TakenOut.class, name = "taken-out")})
sealed interface ArticleChange {

    int version();

    PubStatus pubStatus();

    record Enriched(ArticleEnriched article) implements ArticleChange {

        @Override
        public int version() {
            return article.version();
        }

        @Override
        public PubStatus pubStatus() {
            return article.pubStatus();
        }
    }

    record TakenOut(int version, PubStatus pubStatus) implements ArticleChange {
    }
}
