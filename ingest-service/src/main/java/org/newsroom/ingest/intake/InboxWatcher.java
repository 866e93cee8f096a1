package org.newsroom.ingest.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.parsing.UnreadableDocumentException;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scans the inbox and takes in every ready file: parsed articles are published, and only after Kafka
 * acknowledged them does the file move to done. A refused or unreadable file moves to failed with the
 * reason, without stopping the others; when Kafka is unreachable the file stays in the inbox and is
 * offered again on the next scan.
 */
@Component
class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    private final Inbox inbox;
    private final Documents documents;
    private final ArticleIntake intake;
    private final IngestProperties properties;
    private final Clock clock = Clock.systemUTC();

    InboxWatcher(IngestProperties properties, ArticleIntake intake) throws IOException {
        this.inbox = new Inbox(properties.inbox(), properties.done(), properties.failed(), properties.quietPeriod(),
                properties.recursive());
        this.documents = new Documents(properties.maxFileSize().toBytes(), properties.maxItems());
        this.intake = intake;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${ingest.scan-interval:500ms}")
    void scan() throws IOException {
        for (Path file : inbox.readyFiles(clock.instant())) {
            try {
                if (!take(file)) {
                    return;
                }
            } catch (IOException e) {
                log.warn("Could not take in {}, will offer it again: {}", file, e.toString());
            }
        }
    }

    /** Returns false when Kafka failed, so the scan stops instead of failing file after file. */
    private boolean take(Path file) throws IOException {
        Source source = new Source(properties.folderSource(), SourceKind.folder, inbox.nameOf(file));
        Optional<Documents.Read> read = read(file, source);
        if (read.isEmpty()) {
            return true;
        }
        List<ArticleReceived> articles;
        try {
            articles = intake.take(source, read.get().articles());
        } catch (PublishFailedException e) {
            log.warn("Keeping {} in the inbox: {}", source.uri(), e.getMessage());
            return false;
        }
        Path moved = inbox.moveToDone(file);
        log.info("Took in {} article(s) from {} (moved to {})", articles.size(), source.uri(), moved);
        List<String> failures = read.get().failures();
        if (!failures.isEmpty()) {
            intake.rejected(source, failures.size());
            log.warn("Refused {} item(s) of {}: see {}", failures.size(), source.uri(), inbox.recordItemFailures(moved, failures));
        }
        return true;
    }

    /** The file's document, or empty when it is not to be taken in now: refused (and moved), gone, or still changing. */
    private Optional<Documents.Read> read(Path file, Source source) throws IOException {
        try {
            Optional<byte[]> content = inbox.read(file, properties.maxFileSize().toBytes());
            if (content.isEmpty()) {
                log.info("{} changed while being read; waiting until it is quiet", source.uri());
                return Optional.empty();
            }
            return Optional.of(documents.read(source.uri(), content.get()));
        } catch (RefusedFileException | UnreadableDocumentException e) {
            refuse(file, source, e.getMessage());
        } catch (NoSuchFileException e) {
            log.debug("{} vanished before it was read", source.uri());
        } catch (IOException e) {
            // Not readable by us (permissions, I/O error): offering it again would fail the same way forever.
            refuse(file, source, "could not be read: " + e);
        }
        return Optional.empty();
    }

    private void refuse(Path file, Source source, String reason) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path moved = inbox.moveToFailed(file, reason);
        intake.rejected(source, 1);
        log.warn("Refused {}: {} (moved to {})", source.uri(), reason, moved);
    }
}
