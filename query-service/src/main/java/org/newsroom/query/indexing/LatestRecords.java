package org.newsroom.query.indexing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Only the last record of each article in a batch decides what becomes of it (enrich emits an article's versions in
 * order), so a version and its kill in one batch neither race nor announce the version. Used by the indexer and by
 * live streams alike.
 */
public final class LatestRecords {

    private LatestRecords() {
    }

    /** The last record of each key, ordered by where that record stands in the batch. */
    public static <V> Collection<ConsumerRecord<String, V>> perArticle(List<ConsumerRecord<String, V>> batch) {
        Map<String, ConsumerRecord<String, V>> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, V> record : batch) {
            latest.remove(record.key());
            latest.put(record.key(), record);
        }
        return latest.values();
    }
}
