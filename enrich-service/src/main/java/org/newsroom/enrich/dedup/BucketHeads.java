package org.newsroom.enrich.dedup;

import java.util.Arrays;
import org.newsroom.enrich.hashing.Hashing;

/**
 * Bucket key to newest member slot (+1), open addressing over two primitive arrays: an index over a million
 * articles holds tens of millions of buckets, too many for boxed map entries.
 */
final class BucketHeads {

    private long[] keys = new long[1 << 12];
    private int[] heads = new int[1 << 12];
    private int size;

    /** The head of {@code key}'s chain, 0 when the bucket is empty. */
    int get(long key) {
        return heads[find(key)];
    }

    /** Makes {@code head} the head of {@code key}'s chain and returns the previous head (0 if none). */
    int put(long key, int head) {
        int i = find(key);
        int previous = heads[i];
        if (previous == 0) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                heads[i] = head;
                grow();
                return 0;
            }
        }
        heads[i] = head;
        return previous;
    }

    long bytes() {
        return (long) keys.length * (Long.BYTES + Integer.BYTES);
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int i = (int) Hashing.mix(key) & mask;
        while (heads[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldHeads.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != 0) {
                int j = find(oldKeys[i]);
                keys[j] = oldKeys[i];
                heads[j] = oldHeads[i];
            }
        }
        Arrays.fill(oldHeads, 0);
    }
}
