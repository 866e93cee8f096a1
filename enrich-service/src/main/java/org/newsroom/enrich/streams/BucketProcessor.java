package org.newsroom.enrich.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Match;
import org.newsroom.enrich.dedup.PairFinder;

/**
 * Runs where every article sharing a bucket meets (the input is keyed by bucket): verifies the newcomer against
 * the bucket's members within the window, reports the bucket as checked with the newcomer's matches, sends
 * each member's side of a verified pair to that member, then joins the bucket. Members and their fingerprints
 * live in window stores, so the window bounds them.
 */
final class BucketProcessor implements Processor<String, BucketEntry, String, DecisionInput> {

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
    public void process(Record<String, BucketEntry> record) {
        Fingerprint newcomer = record.value().fingerprint();
        long now = record.timestamp();
        List<Match> own = new ArrayList<>();
        for (Match match : finder.matches(newcomer, record.value().bucket(), members(record.key(), now))) {
            if (match.articleId().equals(newcomer.articleId())) {
                own.add(match);
            } else {
                context.forward(new Record<>(match.articleId(), new DecisionInput.Matched(match), now));
            }
        }
        context.forward(new Record<>(newcomer.articleId(), new DecisionInput.Checked(own), now));
        members.put(record.key(), newcomer.articleId(), now);
        fingerprints.put(newcomer.articleId(), newcomer, now);
    }

    /** Newest first, up to the cap, and only those that arrived within the window. */
    private List<Fingerprint> members(String bucket, long now) {
        List<Fingerprint> found = new ArrayList<>();
        try (WindowStoreIterator<String> ids = members.backwardFetch(bucket, now - windowMillis, now + windowMillis)) {
            while (ids.hasNext() && found.size() < maxMembers) {
                KeyValue<Long, String> member = ids.next();
                Fingerprint fingerprint = fingerprints.fetch(member.value, member.key);
                if (fingerprint != null) {
                    found.add(fingerprint);
                }
            }
        }
        return found;
    }
}
