package org.newsroom.enrich.streams;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Match;

/**
 * What the decision step receives for an article, keyed by its id on the {@code dedup-decisions} repartition
 * topic: the article itself, then one report per bucket it entered (with the matches found there), then any
 * match found later, when a newcomer turns out to be a copy of it or its earlier original.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = DecisionInput.Arrived.class, name = "arrived"),
        @JsonSubTypes.Type(value = DecisionInput.Checked.class, name = "checked"),
        @JsonSubTypes.Type(value = DecisionInput.Matched.class, name = "matched")})
sealed interface DecisionInput {

    record Arrived(ArticleEnriched article, Fingerprint fingerprint) implements DecisionInput {
    }

    /** One bucket of the article was searched; {@code matches} are the copies it holds. */
    record Checked(List<Match> matches) implements DecisionInput {
    }

    record Matched(Match match) implements DecisionInput {
    }
}
