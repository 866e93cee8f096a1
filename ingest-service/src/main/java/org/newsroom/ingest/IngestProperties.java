package org.newsroom.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ingest-service ({@code ingest.*}, or {@code INGEST_*} in the environment).
 *
 * @param inbox           the watched folder
 * @param done            where a file goes once every article in it was acknowledged by Kafka
 * @param failed          where an unreadable file goes, with a {@code .error} file beside it
 * @param scanInterval    how often the inbox is scanned
 * @param quietPeriod     how long a file must be unchanged before it is read, so half-written files are not
 * @param folderSource    the source name given to articles dropped into the folder
 * @param rawPartitions   partitions of the raw topic when ingest creates it
 */
@ConfigurationProperties("ingest")
public record IngestProperties(
        @DefaultValue("feed/inbox") Path inbox,
        @DefaultValue("feed/done") Path done,
        @DefaultValue("feed/failed") Path failed,
        @DefaultValue("500ms") Duration scanInterval,
        @DefaultValue("1s") Duration quietPeriod,
        @DefaultValue("inbox") String folderSource,
        @DefaultValue("3") int rawPartitions) {
}
