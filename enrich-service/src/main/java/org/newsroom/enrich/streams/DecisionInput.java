package org.newsroom.enrich.streams;

import java.util.List;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Match;
import org.newsroom.enrich.streams.DedupSerdes.EncodedArticle;

/**
 * What the decision step receives for an article, keyed by its id on the {@code dedup-decisions} repartition
 * topic: the article itself, then one report per {@code dedup-buckets} partition holding some of its buckets
 * (with the matches found there), then any match found later, when a newcomer turns out to be a copy of it or
 * its earlier original.
 */
sealed interface DecisionInput {

    record Arrived(EncodedArticle article, Fingerprint fingerprint) implements DecisionInput {
    }

    /** {@code buckets} of the article's buckets were searched; {@code matches} are the copies they hold. */
    record Checked(int buckets, List<Match> matches) implements DecisionInput {

        public Checked {
            matches = List.copyOf(matches);
        }
    }

    record Matched(Match match) implements DecisionInput {
    }
}
