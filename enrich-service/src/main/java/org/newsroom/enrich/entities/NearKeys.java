package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.newsroom.enrich.hashing.Hashing;

/**
 * Name keys by the strings left after deleting none, one or two of their letters (symmetric deletion): two keys
 * within two edits of each other share such a string (a substitution or transposition is one deletion on each side),
 * so looking up a word's own deletions finds every key {@link Names#close} to it without comparing it with all.
 *
 * <p>Only keys of {@link Names#MIN_COMPARABLE} letters or more can be close: shorter ones are not held, and a
 * shorter word finds nothing. A deletion is held as a 64-bit hash of its letters, worked out without building the string: a key adds
 * up to ~50 deletions and the memory adds keys with most articles, so strings and a set per deletion were most of
 * what remembering a person cost. Two deletions that share a hash only make a key a candidate it should not be:
 * candidates are always tested for closeness by the caller, so answers never depend on the hash.
 *
 * <p>Not thread-safe: it belongs to one {@link People}.
 */
final class NearKeys {

    /** Deletion hash → the one key holding it (a String), or several (a List). */
    private final Map<Long, Object> byDeletion = new HashMap<>();

    /** Holds {@code key} (once: adding a held key again is a caller's error it does not check). */
    void add(String key) {
        for (long deletion : deletions(key)) {
            byDeletion.merge(deletion, key, NearKeys::joined);
        }
    }

    /** Lets go of {@code key}, held by an earlier {@link #add}. */
    void remove(String key) {
        for (long deletion : deletions(key)) {
            Object held = byDeletion.get(deletion);
            if (held instanceof List<?> keys) {
                keys.remove(key);
                if (keys.size() == 1) {
                    byDeletion.put(deletion, keys.getFirst());
                }
            } else if (key.equals(held)) {
                byDeletion.remove(deletion);
            }
        }
    }

    /**
     * Every held key that may be within two edits of {@code word}, each once per shared deletion (so possibly more
     * than once, and possibly keys that are not close): the caller tests each.
     */
    void candidates(String word, Consumer<String> candidate) {
        for (long deletion : deletions(word)) {
            Object held = byDeletion.get(deletion);
            if (held instanceof List<?> keys) {
                keys.forEach(key -> candidate.accept((String) key));
            } else if (held != null) {
                candidate.accept((String) held);
            }
        }
    }

    boolean isEmpty() {
        return byDeletion.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Object joined(Object held, Object key) {
        if (held instanceof List<?> keys) {
            ((List<Object>) keys).add(key);
            return keys;
        }
        List<Object> keys = new ArrayList<>(2);
        keys.add(held);
        keys.add(key);
        return keys;
    }

    /**
     * The distinct hashes of {@code key} and of every string made by deleting one or two of its letters; none for
     * a key too short to be close to anything.
     */
    private static long[] deletions(String key) {
        int n = key.length();
        if (n < Names.MIN_COMPARABLE) {
            return new long[0];
        }
        long[] hashes = new long[1 + n + n * (n - 1) / 2];
        int count = 0;
        hashes[count++] = hash(key, -1, -1);
        for (int i = 0; i < n; i++) {
            hashes[count++] = hash(key, i, -1);
            for (int j = i + 1; j < n; j++) {
                hashes[count++] = hash(key, i, j);
            }
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /** FNV-1a of the key's letters without positions {@code skip} and {@code skipToo} (-1: none), and their count. */
    private static long hash(String key, int skip, int skipToo) {
        long hash = Hashing.FNV_START;
        int length = 0;
        for (int i = 0; i < key.length(); i++) {
            if (i != skip && i != skipToo) {
                hash = Hashing.fnv1a(hash, key.charAt(i));
                length++;
            }
        }
        return Hashing.fnv1a(hash, length);
    }
}
