package org.newsroom.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.newsroom.contracts.Topics;
import org.springframework.util.unit.DataSize;

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
 * @param recursive       whether files in sub-folders of the inbox are taken in too
 * @param maxFileSize     a larger file (dropped or posted) is refused without being read
 * @param maxItems        a document holding more items than this is refused as a whole
 * @param maxArticleSize  an article whose text (headline, paragraphs, removed text, metadata) is larger is refused
 *                        alone, before it reaches Kafka; at most a quarter of {@link Topics#MAX_RECORD_BYTES}, so
 *                        the raw and enriched records always fit every topic
 * @param http            limits of the HTTP intake
 * @param feeds           the feeds polled over HTTP
 */
@ConfigurationProperties("ingest")
public record IngestProperties(
        @DefaultValue("feed/inbox") Path inbox,
        @DefaultValue("feed/done") Path done,
        @DefaultValue("feed/failed") Path failed,
        @DefaultValue("500ms") Duration scanInterval,
        @DefaultValue("1s") Duration quietPeriod,
        @DefaultValue("inbox") String folderSource,
        @DefaultValue("3") int rawPartitions,
        @DefaultValue("false") boolean recursive,
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("1000") int maxItems,
        @DefaultValue("2MB") DataSize maxArticleSize,
        @DefaultValue Http http,
        @DefaultValue Feeds feeds) {

    public IngestProperties {
        if (maxArticleSize != null && maxArticleSize.toBytes() > Topics.MAX_RECORD_BYTES / 4) {
            throw new IllegalArgumentException("ingest.max-article-size is %d bytes; it may be at most %d (a quarter of the"
                    .formatted(maxArticleSize.toBytes(), Topics.MAX_RECORD_BYTES / 4)
                    + " Kafka record limit, leaving room for JSON escaping and enrichment)");
        }
    }

    /**
     * @param maxBatch a batch with more articles is refused with 413 (the body size is the edge's
     *                 {@code newsroom.http.max-body-size}, 5 MB here, see the access module)
     */
    public record Http(@DefaultValue("500") int maxBatch) {
    }

    /**
     * Feeds are fetched through the outbound guard (docs/security.md): a feed on an internal address (loopback,
     * private, link-local, ...) is refused unless {@code allow} lists its range or host name.
     *
     * @param sources    the feeds to poll
     * @param interval   how often each feed is fetched when all is well
     * @param maxBackoff the longest wait after repeated errors (the wait doubles from {@code interval})
     * @param timeout    connect and read timeout of one fetch
     * @param stateDir   where each feed's position (ETag, Last-Modified, items seen) is kept across restarts
     * @param checkInterval how often the poller looks for feeds that are due
     * @param totalTimeout  the longest one fetch may take, redirects and body included, however the server trickles
     * @param maxRedirects  redirects followed per fetch, each checked like the feed's own address
     * @param allow         internal ranges ({@code 10.1.0.0/16}) and host names ({@code feeds.internal.example})
     *                      that may be fetched all the same
     */
    public record Feeds(@DefaultValue List<FeedSource> sources,
                        @DefaultValue("5m") Duration interval,
                        @DefaultValue("1h") Duration maxBackoff,
                        @DefaultValue("20s") Duration timeout,
                        @DefaultValue("var/ingest/feeds") Path stateDir,
                        @DefaultValue("5s") Duration checkInterval,
                        @DefaultValue("60s") Duration totalTimeout,
                        @DefaultValue("5") int maxRedirects,
                        @DefaultValue List<String> allow) {

        @ConstructorBinding
        public Feeds {
        }

        /** Feeds with the outbound guard's defaults: 60s in all, 5 redirects, no internal address allowed. */
        public Feeds(List<FeedSource> sources, Duration interval, Duration maxBackoff, Duration timeout, Path stateDir,
                     Duration checkInterval) {
            this(sources, interval, maxBackoff, timeout, stateDir, checkInterval, Duration.ofSeconds(60), 5, List.of());
        }
    }

    /**
     * @param name the source name its articles carry, e.g. {@code guardian-world}
     * @param url  the RSS 2.0 or Atom document
     */
    public record FeedSource(String name, URI url) {

        public FeedSource {
            if (name == null || name.isBlank() || url == null) {
                throw new IllegalArgumentException("each of ingest.feeds.sources needs a name and a url");
            }
        }
    }
}
