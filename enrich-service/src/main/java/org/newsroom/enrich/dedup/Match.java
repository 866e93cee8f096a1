package org.newsroom.enrich.dedup;

import java.time.Instant;
import org.newsroom.enrich.dedup.Verification.Similarity;

/** One side of a verified pair: {@code articleId} is a copy of (or copied by) {@code otherId}. */
record Match(String articleId, String otherId, Instant otherPublishedAt, Similarity similarity) {
}
