package org.newsroom.enrich.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsroom.enrich.dedup.Verification.Similarity;
import org.newsroom.enrich.hashing.Hashing;

/**
 * The duplicate index: buckets, verification and decisions, in one process. It is the production engine (the
 * enrich topology's memory task holds one) and the one the evaluation and benchmark measure. Members that arrived
 * more than the window before the newest arrival are no longer candidates and are evicted; an article added again
 * (a redelivery or a correction) replaces its earlier entry and is decided afresh.
 *
 * <p>Decisions are a function of the set of members in the window, not of their order (see {@link Decision}), so
 * an index rebuilt by adding the same fingerprints again in arrival order ({@link #restore}) decides as the one that
 * saw them live.
 */
public final class DedupIndex {

    private final DedupSettings settings;
    private final long windowMillis;
    private final Verification verification;
    private final int stride;
    /** Per slot, the member (null once replaced by a later entry of the same article, or evicted). */
    private Fingerprint[] members = new Fingerprint[1024];
    private long[] arrivals = new long[1024];
    /** Per slot, its member's current decision. */
    private Decision[] decided = new Decision[1024];
    /**
     * Per slot, the number of the last add that met it. A newcomer compares with the newest members of each bucket
     * it falls in, up to the cap; a member met in several buckets is verified once, where it is first met.
     */
    private int[] lastMetInAdd = new int[1024];
    /** The current add's number, for {@link #lastMetInAdd}; never 0, the mark of a slot no add has met. */
    private int addNumber;
    /** Per member slot and bucket index, the previous member of that bucket (slot + 1; 0 ends the chain). */
    private int[] next;
    private BucketHeads heads = new BucketHeads();
    /** The slot holding each article's current entry. */
    private final Map<String, Integer> slots = new HashMap<>();
    /** Slots below this are evicted; chains end there. */
    private int first;
    private int size;
    /** Arrivals before this are evicted: the newest arrival's time less the window. */
    private long evictedBefore = Long.MIN_VALUE;

    public DedupIndex(DedupSettings settings, Duration window) {
        this.settings = settings;
        this.windowMillis = window.toMillis();
        this.verification = new Verification(settings);
        this.stride = Bucket.count(settings);
        this.next = new int[members.length * stride];
    }

    /**
     * Adds an article and returns the decisions this made: the newcomer's first, then every earlier article's
     * that changed because the newcomer turned out to be its earlier original.
     */
    public List<Decision> add(Fingerprint f, Instant arrivedAt) {
        long oldest = arrivedAt.toEpochMilli() - windowMillis;
        evictBefore(oldest);
        Integer replaced = slots.remove(f.articleId());
        if (replaced != null) {
            members[replaced] = null;
            decided[replaced] = null;
        }
        Decision own = Decision.originalOf(f);
        List<Decision> changed = new ArrayList<>();
        int newSlot = size;
        ensureCapacity(newSlot + 1);
        if (++addNumber == 0) { // wrapped after 2^32 adds: forget every mark, or this add would take all for met
            Arrays.fill(lastMetInAdd, 0);
            addNumber = 1;
        }
        for (Bucket bucket : Bucket.of(f, settings)) {
            long key = key(bucket);
            // Newest first, to the window's edge or the cap; replaced entries are skipped.
            for (int slot = heads.get(key) - 1, walked = 0; slot >= first && arrivals[slot] >= oldest
                    && walked < settings.maxBucketMembers(); slot = next[slot * stride + bucket.index()] - 1) {
                if (members[slot] != null) {
                    walked++;
                    if (lastMetInAdd[slot] != addNumber) {
                        lastMetInAdd[slot] = addNumber;
                        own = decidePair(f, slot, own, changed);
                    }
                }
            }
            next[newSlot * stride + bucket.index()] = heads.put(key, newSlot + 1);
        }
        members[newSlot] = f;
        arrivals[newSlot] = arrivedAt.toEpochMilli();
        size++;
        slots.put(f.articleId(), newSlot);
        decided[newSlot] = own;
        changed.addFirst(own);
        return changed;
    }

    /** Rebuilds the index after a restart: the same fingerprints added in arrival order decide as before. */
    public void restore(Fingerprint f, Instant arrivedAt) {
        add(f, arrivedAt);
    }

    public Decision decisionOf(String articleId) {
        Integer slot = slots.get(articleId);
        return slot == null ? null : decided[slot];
    }

    /** Articles in the window. */
    public int size() {
        return slots.size();
    }

    /**
     * Verifies the newcomer against the member in {@code slot} and applies the pair both ways: returns the newcomer's
     * decision, improved if the member names an earlier canonical, and updates the member's, adding it to
     * {@code changed}, if the newcomer names an earlier one.
     */
    private Decision decidePair(Fingerprint newcomer, int slot, Decision own, List<Decision> changed) {
        Fingerprint member = members[slot];
        Optional<Similarity> similarity = verification.verify(newcomer, member);
        if (similarity.isEmpty()) {
            return own;
        }
        Similarity s = similarity.get();
        Optional<Decision> theirs = decided[slot].improvedBy(
                new Match(member.articleId(), newcomer.articleId(), newcomer.publishedAt(), s));
        if (theirs.isPresent()) {
            decided[slot] = theirs.get();
            changed.add(theirs.get());
        }
        return own.improvedBy(new Match(newcomer.articleId(), member.articleId(), member.publishedAt(), s)).orElse(own);
    }

    /**
     * Evicts the members that arrived before {@code oldest}, from the oldest slot on (an arrival out of time order
     * waits for those before it). Once the evicted slots outnumber the live ones, the arrays are compacted.
     */
    private void evictBefore(long oldest) {
        if (oldest <= evictedBefore) {
            return;
        }
        evictedBefore = oldest;
        while (first < size && arrivals[first] < oldest) {
            Fingerprint gone = members[first];
            if (gone != null) {
                members[first] = null;
                decided[first] = null;
                slots.remove(gone.articleId());
            }
            first++;
        }
        if (first > 0 && first >= size - first) {
            compact();
        }
    }

    /** Moves the live slots to the front and re-links their buckets: no pair is verified again. */
    private void compact() {
        int live = size - first;
        Fingerprint[] kept = Arrays.copyOfRange(members, first, first + Math.max(live, 1024));
        long[] keptArrivals = Arrays.copyOfRange(arrivals, first, first + Math.max(live, 1024));
        members = kept;
        arrivals = keptArrivals;
        decided = Arrays.copyOfRange(decided, first, first + members.length);
        lastMetInAdd = new int[members.length];
        next = new int[members.length * stride];
        heads = new BucketHeads();
        slots.clear();
        first = 0;
        size = live;
        for (int slot = 0; slot < live; slot++) {
            Fingerprint f = members[slot];
            if (f == null) {
                continue;
            }
            slots.put(f.articleId(), slot);
            for (Bucket bucket : Bucket.of(f, settings)) {
                next[slot * stride + bucket.index()] = heads.put(key(bucket), slot + 1);
            }
        }
    }

    private static long key(Bucket bucket) {
        return Hashing.mix(bucket.index() * 0x9E3779B97F4A7C15L ^ bucket.value());
    }

    private void ensureCapacity(int slots) {
        if (slots > members.length) {
            members = Arrays.copyOf(members, members.length * 2);
            arrivals = Arrays.copyOf(arrivals, members.length);
            decided = Arrays.copyOf(decided, members.length);
            lastMetInAdd = Arrays.copyOf(lastMetInAdd, members.length);
            next = Arrays.copyOf(next, members.length * stride);
        }
    }
}
