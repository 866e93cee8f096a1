package org.newsroom.enrich.dedup;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What duplicate detection keeps of an article: when it was published, a hash of its normalised body (equal
 * for exact copies), how many distinct shingles the body has, their MinHash signature, and a hash of the story's
 * lead (its first words: every republication of a wire story keeps them, however it is trimmed or padded).
 *
 * @param publishedAt  when the article was published (when it was received if the source did not say)
 * @param contentHash  64 bits of SHA-256 over the body's words; 0 for an empty body
 * @param shingleCount distinct word shingles of the body; 0 means nothing to compare
 * @param leadHash     hash of the body's first {@link DedupSettings#leadWords()} words; 0 for a shorter body
 */
public record Fingerprint(String articleId, Instant publishedAt, long contentHash, int shingleCount, int[] signature,
                          long leadHash) {

    public Fingerprint {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        signature = signature.clone();
    }

    public boolean comparable() {
        return shingleCount > 0;
    }

    /** Both bodies open with the same lead. */
    boolean sameLead(Fingerprint other) {
        return leadHash != 0 && leadHash == other.leadHash;
    }

    @Override
    public int[] signature() {
        return signature.clone();
    }

    int hashes() {
        return signature.length;
    }

    int signatureAt(int i) {
        return signature[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && articleId.equals(f.articleId) && publishedAt.equals(f.publishedAt)
                && contentHash == f.contentHash && shingleCount == f.shingleCount && Arrays.equals(signature, f.signature)
                && leadHash == f.leadHash;
    }

    @Override
    public int hashCode() {
        return Objects.hash(articleId, publishedAt, contentHash, shingleCount, Arrays.hashCode(signature), leadHash);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + articleId + ", " + publishedAt + ", " + Long.toHexString(contentHash) + ", "
                + shingleCount + " shingles]";
    }
}
