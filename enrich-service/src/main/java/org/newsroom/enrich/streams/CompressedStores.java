package org.newsroom.enrich.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * RocksDB compression for the memory task's stores on disk. Kafka Streams turns RocksDB's compression off; the held
 * articles are not compressed one by one since format 4 ({@link InternalSerdes}: JSON inside, binary since
 * format 5), so without this the held store would take about twice the disk of the deflated values before it
 * (measured on format 4). LZ4 for the levels that are rewritten often,
 * zstd for the last level, where most of a 30-day window lies.
 */
public final class CompressedStores implements RocksDBConfigSetter {

    public CompressedStores() {
        // Kafka Streams instantiates it by class (rocksdb.config.setter).
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        options.setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION);
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing allocated here: the options own their settings.
    }
}
