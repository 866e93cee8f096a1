package org.newsroom.enrich.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.newsroom.enrich.hashing.Hashing;

/**
 * Computes an article's {@link Fingerprint}: a content hash of its body words, a MinHash signature of its
 * word shingles (Broder 1997), one seeded 64-bit mix per signature position instead of true permutations, and a
 * hash of its lead (first words).
 */
public final class Fingerprinter {

    private final DedupSettings settings;
    private final long[] seeds;

    public Fingerprinter(DedupSettings settings) {
        this.settings = settings;
        this.seeds = new long[settings.hashes()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = Hashing.mix(0x9E3779B97F4A7C15L * (i + 1));
        }
    }

    public Fingerprint fingerprint(String articleId, Instant publishedAt, List<String> paragraphs) {
        String text = BodyText.text(paragraphs);
        long[] words = wordHashes(text);
        long[] shingles = distinctShingles(words);
        return new Fingerprint(articleId, publishedAt, contentHash(text), shingles.length, signature(shingles),
                leadHash(words));
    }

    /** {@link Hashing#of} of each word of the {@link BodyText#text}. */
    private static long[] wordHashes(String text) {
        if (text.isEmpty()) {
            return new long[0];
        }
        long[] hashes = new long[text.length() / 2 + 1];
        int words = 0;
        int start = 0;
        for (int end = text.indexOf(' '); end >= 0; end = text.indexOf(' ', start)) {
            hashes[words++] = Hashing.of(text, start, end);
            start = end + 1;
        }
        hashes[words++] = Hashing.of(text, start, text.length());
        return Arrays.copyOf(hashes, words);
    }

    /**
     * Per position, the high 32 bits of the least of the shingles' mixes with its seed. Shingle by shingle, every
     * position at once: the inner loop's positions are independent, so the JIT runs it in vector registers.
     */
    private int[] signature(long[] shingles) {
        long[] min = new long[seeds.length];
        Arrays.fill(min, Long.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < seeds.length; i++) {
                min[i] = Math.min(min[i], Hashing.mix(shingle ^ seeds[i]));
            }
        }
        int[] signature = new int[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            signature[i] = (int) (min[i] >>> 32);
        }
        return signature;
    }

    /** The hashes of the body's shingles of {@code shingleSize} words (of all its words if fewer), ascending, each once. */
    private long[] distinctShingles(long[] tokens) {
        if (tokens.length == 0) {
            return new long[0];
        }
        int k = Math.min(settings.shingleSize(), tokens.length);
        long[] shingles = new long[tokens.length - k + 1];
        for (int start = 0; start < shingles.length; start++) {
            long h = k;
            for (int j = start; j < start + k; j++) {
                h = Hashing.mix(h * 31 + tokens[j]);
            }
            shingles[start] = h;
        }
        Arrays.sort(shingles);
        int distinct = 0;
        for (long shingle : shingles) {
            if (distinct == 0 || shingles[distinct - 1] != shingle) {
                shingles[distinct++] = shingle;
            }
        }
        return Arrays.copyOf(shingles, distinct);
    }

    /** The first {@code leadWords} words' hash, never 0; 0 when the body is shorter (a lead too short to tell). */
    private long leadHash(long[] words) {
        if (words.length < settings.leadWords()) {
            return 0;
        }
        long h = settings.leadWords();
        for (int i = 0; i < settings.leadWords(); i++) {
            h = Hashing.mix(h * 31 + words[i]);
        }
        return h == 0 ? 1 : h;
    }

    /** The first 64 bits of SHA-256 over the words joined by single spaces (UTF-8); 0 for no words. */
    private static long contentHash(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
