package org.newsroom.enrich.streams;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Fingerprinter;
import org.newsroom.enrich.Enricher;

/**
 * A usable version as the memory task holds it in {@code held-articles}: its findings without the fingerprint. The 128 MinHash values (512 bytes that no compression shrinks) are needed only to rebuild the dedup
 * index when the task starts, and are worked out again then from the held article's paragraphs and
 * {@code publishedAt}, exactly as the articles task worked them out ({@link #fingerprint}); the held changelog and
 * the store on disk are ~0.5 KB per article smaller for ~0.1 ms of CPU per held article at a rebuild.
 *
 * @param publishedAt what the articles task fingerprinted the version with (its publication, else arrival time),
 *                    which is also when memory takes it to be ({@link Enricher#facts(ArticleEnriched, Instant,
 *                    Enricher.Memo)})
 * @param article     the drafted article, encoded ({@link DraftEncoding#encoded(ArticleEnriched)})
 * @param memo        what the memory task needs of it besides the article ({@link Enricher.Memo}), encoded
 *
 * <p>The two arrays are not copied in or out: every held version passes through the serdes twice or more (findings
 * read, held store written, read back for each revision), and only the serdes and {@link Remembering} see them, which
 * never write to them.
 */
record HeldArticle(int version, Instant publishedAt, byte[] article, byte[] memo) {

    HeldArticle {
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(memo, "memo");
    }

    /** The fingerprint the articles task sent with this version, worked out again from its {@link #article}. */
    Fingerprint fingerprint(String articleId, ArticleEnriched draft, Fingerprinter fingerprinter) {
        return fingerprinter.fingerprint(articleId, publishedAt, draft.paragraphs());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldArticle h && version == h.version && publishedAt.equals(h.publishedAt)
                && Arrays.equals(article, h.article) && Arrays.equals(memo, h.memo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, publishedAt, Arrays.hashCode(article), Arrays.hashCode(memo));
    }

    @Override
    public String toString() {
        return "HeldArticle[v" + version + ", " + publishedAt + ", " + article.length + " + " + memo.length + " bytes]";
    }
}
