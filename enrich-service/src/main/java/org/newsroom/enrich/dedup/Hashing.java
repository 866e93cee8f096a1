package org.newsroom.enrich.dedup;

/** Fast 64-bit hashing for shingles and buckets; not for anything an attacker controls the cost of. */
final class Hashing {

    private Hashing() {
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-16 units of {@code text.substring(start, end)} (without the substring), then mixed. */
    static long of(String text, int start, int end) {
        long h = 0xCBF29CE484222325L;
        for (int i = start; i < end; i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }
}
