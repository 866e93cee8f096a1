package org.newsroom.ingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.parsing.DocumentParser;
import org.newsroom.ingest.parsing.UnreadableDocumentException;
import org.newsroom.ingest.publishing.ArticleReceivedPublisher;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scans the inbox and takes in every ready file: parsed articles are published, and only after Kafka
 * acknowledged them does the file move to done. An unreadable file moves to failed with the reason; when
 * Kafka is unreachable the file stays in the inbox and is offered again on the next scan.
 */
@Component
class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    private final Inbox inbox;
    private final DocumentParser parser = new DocumentParser();
    private final ArticleReceivedPublisher publisher;
    private final IngestProperties properties;
    private final Clock clock;

    InboxWatcher(IngestProperties properties, ArticleReceivedPublisher publisher) throws IOException {
        this.inbox = new Inbox(properties.inbox(), properties.done(), properties.failed(), properties.quietPeriod());
        this.publisher = publisher;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${ingest.scan-interval:500ms}")
    void scan() throws IOException {
        for (Path file : inbox.readyFiles(clock.instant())) {
            if (!take(file)) {
                return;
            }
        }
    }

    /** Returns false when Kafka failed, so the scan stops instead of failing file after file. */
    private boolean take(Path file) throws IOException {
        List<ArticleReceived> articles;
        try {
            Source source = new Source(properties.folderSource(), SourceKind.folder, file.getFileName().toString());
            articles = parser.parse(file.getFileName().toString(), Files.readAllBytes(file)).stream()
                    .map(parsed -> Receipts.received(parsed, source, clock.instant()))
                    .toList();
        } catch (UnreadableDocumentException e) {
            Path moved = inbox.moveToFailed(file, e.getMessage());
            log.warn("Rejected {}: {} (moved to {})", file.getFileName(), e.getMessage(), moved);
            return true;
        }
        try {
            publisher.publish(articles);
        } catch (PublishFailedException e) {
            log.warn("Keeping {} in the inbox: {}", file.getFileName(), e.getMessage());
            return false;
        }
        Path moved = inbox.moveToDone(file);
        log.info("Took in {} article(s) from {} (moved to {})", articles.size(), file.getFileName(), moved);
        return true;
    }
}
