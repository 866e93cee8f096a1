package org.newsroom.enrich.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsroom.enrich.dedup.Bucket;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Match;
import org.newsroom.enrich.dedup.PairFinder;

/**
 * Runs where every article sharing a bucket meets (each bucket belongs to one partition of the input): for
 * each of the newcomer's buckets here, verifies it against the bucket's members within the window; then
 * reports these buckets as checked with the newcomer's matches, sends each member's side of a verified pair
 * to that member, and joins the buckets. Members and their fingerprints live in window stores, so the window
 * bounds them.
 */
final class BucketProcessor implements Processor<String, BucketEntries, String, DecisionInput> {

    static final String MEMBERS = "dedup-bucket-members";
    static final String FINGERPRINTS = "dedup-fingerprints";

    private final PairFinder finder;
    private final int maxMembers;
    private final long windowMillis;
    private ProcessorContext<String, DecisionInput> context;
    private WindowStore<String, String> members;
    private WindowStore<String, Fingerprint> fingerprints;

    BucketProcessor(DedupSettings settings, Duration window) {
        this.finder = new PairFinder(settings);
        this.maxMembers = settings.maxBucketMembers();
        this.windowMillis = window.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, DecisionInput> context) {
        this.context = context;
        this.members = context.getStateStore(MEMBERS);
        this.fingerprints = context.getStateStore(FINGERPRINTS);
    }

    @Override
    public void process(Record<String, BucketEntries> record) {
        Fingerprint newcomer = record.value().fingerprint();
        long now = record.timestamp();
        // A member often shares several of these buckets: read its fingerprint once.
        Map<String, Optional<Fingerprint>> read = new HashMap<>();
        List<Match> own = new ArrayList<>();
        for (Bucket bucket : record.value().buckets()) {
            for (Match match : finder.matches(newcomer, bucket, members(bucket.key(), now, read))) {
                if (match.articleId().equals(newcomer.articleId())) {
                    own.add(match);
                } else {
                    context.forward(new Record<>(match.articleId(), new DecisionInput.Matched(match), now));
                }
            }
        }
        context.forward(new Record<>(newcomer.articleId(),
                new DecisionInput.Checked(record.value().buckets().size(), own), now));
        for (Bucket bucket : record.value().buckets()) {
            members.put(bucket.key(), newcomer.articleId(), now);
        }
        fingerprints.put(newcomer.articleId(), newcomer, now);
    }

    /** Newest first, up to the cap, and only those that arrived within the window. */
    private List<Fingerprint> members(String bucket, long now, Map<String, Optional<Fingerprint>> read) {
        List<Fingerprint> found = new ArrayList<>();
        try (WindowStoreIterator<String> ids = members.backwardFetch(bucket, now - windowMillis, now + windowMillis)) {
            while (ids.hasNext() && found.size() < maxMembers) {
                KeyValue<Long, String> member = ids.next();
                read.computeIfAbsent(member.value, id -> Optional.ofNullable(fingerprints.fetch(id, member.key)))
                        .ifPresent(found::add);
            }
        }
        return found;
    }
}
