package org.newsroom.enrich.streams;

import org.newsroom.enrich.dedup.Bucket;
import org.newsroom.enrich.dedup.Fingerprint;

/** An article entering one LSH bucket, keyed by {@link Bucket#key()} on the {@code dedup-buckets} topic. */
record BucketEntry(Bucket bucket, Fingerprint fingerprint) {
}
