package org.newsroom.contracts;

import java.util.Objects;

/**
 * The auditable duplicate-detection decision for an article.
 *
 * @param status      original, or which kind of copy it is
 * @param canonicalId the article id of the earliest-published copy; the article's own id when original
 * @param similarity  estimated Jaccard similarity to the canonical article (1 for itself)
 * @param containment estimated share of the smaller text contained in the larger (1 for itself)
 * @param method      how the decision was reached, e.g. {@code content-hash}, {@code minhash-lsh}
 */
public record Dedup(DedupStatus status, String canonicalId, double similarity, double containment, String method) {

    public Dedup {
        Objects.requireNonNull(status, "status");
        Articles.requireId(canonicalId);
        Objects.requireNonNull(method, "method");
    }

    /** The decision for an article that has no earlier copy. */
    public static Dedup originalOf(String articleId, String method) {
        return new Dedup(DedupStatus.original, articleId, 1.0, 1.0, method);
    }
}
