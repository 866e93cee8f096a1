package org.newsroom.enrich.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole duplicate index in one process: buckets, verification and decisions, as the Kafka Streams topology
 * runs them spread over partitions. Evaluation and benchmarks drive it; members that arrived more than the
 * window ago are no longer candidates.
 */
public final class DedupIndex {

    private final DedupSettings settings;
    private final long windowMillis;
    private final PairFinder finder;
    private final int stride;
    private final List<Fingerprint> members = new ArrayList<>();
    private final BucketHeads heads = new BucketHeads();
    private final Map<String, Decision> decisions = new HashMap<>();
    private long[] arrivals = new long[1024];
    /** Per member slot and bucket index, the previous member of that bucket (slot + 1; 0 ends the chain). */
    private int[] next;

    public DedupIndex(DedupSettings settings, Duration window) {
        this.settings = settings;
        this.windowMillis = window.toMillis();
        this.finder = new PairFinder(settings);
        this.stride = settings.bands() + 1;
        this.next = new int[arrivals.length * stride];
    }

    /**
     * Adds an article and returns the decisions this made: the newcomer's first, then every earlier article's
     * that changed because the newcomer turned out to be its earlier original.
     */
    public List<Decision> add(Fingerprint f, Instant arrivedAt) {
        Decision own = decisions.getOrDefault(f.articleId(), Decision.originalOf(f));
        List<Decision> changed = new ArrayList<>();
        int slot = members.size();
        ensureCapacity(slot + 1);
        for (Bucket bucket : Bucket.of(f, settings)) {
            long key = Hashing.mix(bucket.index() * 0x9E3779B97F4A7C15L ^ bucket.value());
            for (Match match : finder.matches(f, bucket, candidates(key, bucket.index(), arrivedAt))) {
                if (match.articleId().equals(f.articleId())) {
                    own = own.improvedBy(match).orElse(own);
                } else {
                    decisions.get(match.articleId()).improvedBy(match).ifPresent(d -> {
                        decisions.put(d.articleId(), d);
                        changed.add(d);
                    });
                }
            }
            next[slot * stride + bucket.index()] = heads.put(key, slot + 1);
        }
        members.add(f);
        arrivals[slot] = arrivedAt.toEpochMilli();
        decisions.put(f.articleId(), own);
        changed.addFirst(own);
        return changed;
    }

    public Decision decisionOf(String articleId) {
        return decisions.get(articleId);
    }

    public int size() {
        return members.size();
    }

    /** Newest first, stopping at the window's edge or the bucket cap. */
    private List<Fingerprint> candidates(long key, int bucketIndex, Instant arrivedAt) {
        List<Fingerprint> candidates = new ArrayList<>();
        long oldest = arrivedAt.toEpochMilli() - windowMillis;
        for (int slot = heads.get(key) - 1; slot >= 0 && arrivals[slot] >= oldest
                && candidates.size() < settings.maxBucketMembers(); slot = next[slot * stride + bucketIndex] - 1) {
            candidates.add(members.get(slot));
        }
        return candidates;
    }

    private void ensureCapacity(int slots) {
        if (slots > arrivals.length) {
            arrivals = Arrays.copyOf(arrivals, arrivals.length * 2);
            next = Arrays.copyOf(next, arrivals.length * stride);
        }
    }
}
