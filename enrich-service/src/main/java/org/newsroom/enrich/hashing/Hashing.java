package org.newsroom.enrich.hashing;

/**
 * Fast 64-bit hashing, one implementation for the core: dedup's shingles and buckets, the near-key index of people's
 * names, the version gate's answer digests. Not for anything an attacker controls the cost of.
 */
public final class Hashing {

    /** FNV-1a's offset basis: the hash of nothing. */
    public static final long FNV_START = 0xCBF29CE484222325L;

    private Hashing() {
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-16 units of {@code text.substring(start, end)} (without the substring), then mixed. */
    public static long of(String text, int start, int end) {
        long h = FNV_START;
        for (int i = start; i < end; i++) {
            h = fnv1a(h, text.charAt(i));
        }
        return mix(h);
    }

    /** One step of FNV-1a: {@code hash} with one more unit (a UTF-16 unit or a byte). */
    public static long fnv1a(long hash, int unit) {
        return (hash ^ unit) * 0x100000001B3L;
    }
}
