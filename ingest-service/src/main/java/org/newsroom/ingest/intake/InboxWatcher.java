package org.newsroom.ingest.intake;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.intake.StorageHealth.Operation;
import org.newsroom.ingest.parsing.UnreadableDocumentException;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scans the inbox and takes in every ready file: parsed articles are published, and only after Kafka
 * acknowledged them does the file move to done. A refused or unreadable file moves to failed with the
 * reason, without stopping the others; when Kafka is unreachable the file stays in the inbox and is
 * offered again on the next scan. When the disk is full (the move, the {@code .error} reason or an item-failure
 * record cannot be written) the file stays in the inbox, {@link StorageHealth} reports it, and the write is
 * retried on every scan; a file already published is not published again while its move is pending.
 */
@Component
class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    private final Inbox inbox;
    private final Documents documents;
    private final ArticleIntake intake;
    private final IngestProperties properties;
    private final StorageHealth storage;
    private final Clock clock = Clock.systemUTC();
    /** Files renamed in whole, taken without waiting for quiet; empty where the file system gives no events. */
    private final Optional<InboxRenames> renames;
    private volatile Thread renamesThread;
    /** Files whose articles Kafka acknowledged but that could not be moved to done yet. */
    private final Map<Path, Published> publishedNotMoved = new ConcurrentHashMap<>();
    /** Item-failure records that could not be written yet (the reasons are in the log meanwhile). */
    private final List<ItemFailures> unrecorded = new ArrayList<>();

    private record ItemFailures(Path taken, List<String> failures) {
    }

    /** A file as it was when its articles were published, and the items of it that were refused. */
    private record Published(FileTime modified, int articles, List<String> failures) {
    }

    private final InboxClaims claims;

    InboxWatcher(IngestProperties properties, ArticleIntake intake, StorageHealth storage) throws IOException {
        this(properties, InboxClaims.single(), intake, storage);
    }

    @Autowired
    InboxWatcher(IngestProperties properties, InboxClaims claims, ArticleIntake intake, StorageHealth storage)
            throws IOException {
        this.inbox = new Inbox(properties.inbox(), properties.done(), properties.failed(), properties.quietPeriod(),
                properties.recursive(), claims.instance());
        this.claims = claims;
        this.renames = InboxRenames.watching(inbox.folder(), file -> !Inbox.isComplete(file), clock);
        if (renames.isEmpty()) {
            log.info("No change events for {}: every file waits out the quiet period", inbox.folder());
        }
        this.documents = new Documents(properties.maxFileSize().toBytes(), properties.maxItems(),
                properties.maxArticleSize().toBytes());
        this.intake = intake;
        this.properties = properties;
        this.storage = storage;
    }

    /**
     * Scans as soon as a file is renamed into the inbox, rather than at the next scheduled scan: that and the quiet
     * period it skips were most of a renamed file's wait.
     */
    @PostConstruct
    void watchRenames() {
        renames.ifPresent(events -> renamesThread = Thread.ofPlatform().daemon().name("inbox-renames").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (events.await(Duration.ofSeconds(1))) {
                        scan();
                    }
                } catch (InterruptedException stopping) {
                    return;
                } catch (IOException | RuntimeException e) {
                    log.warn("Scan after a rename failed, the scheduled scan will retry: {}", e.toString());
                }
            }
        }));
    }

    @PreDestroy
    void stopWatching() throws IOException {
        if (renamesThread != null) {
            renamesThread.interrupt();
        }
        if (renames.isPresent()) {
            renames.get().close();
        }
    }

    @Scheduled(fixedDelayString = "${ingest.scan-interval:500ms}")
    synchronized void scan() throws IOException {
        recordPendingItemFailures();
        int released = inbox.heartbeat(clock.instant(), claims.staleAfter());
        if (released > 0) {
            log.warn("Handed {} file(s) claimed by a stopped ingest instance back to the inbox", released);
        }
        renames.ifPresent(InboxRenames::drain);
        // Files this instance claimed before (a restart, Kafka away, a full disk) come first.
        for (Path claimed : inbox.claimed()) {
            if (!takeClaimed(claimed)) {
                return;
            }
        }
        for (Path file : inbox.readyFiles(clock.instant(), file -> renames.map(events -> events.isWhole(file)).orElse(false))) {
            renames.ifPresent(events -> events.forget(file));
            Optional<Path> claimed;
            try {
                claimed = inbox.claim(file);
            } catch (IOException e) {
                log.warn("Could not claim {}, will offer it again: {}", file, e.toString());
                continue;
            }
            if (claimed.isPresent() && !takeClaimed(claimed.get())) {
                return;
            }
        }
    }

    /** Takes a claimed file in; one that cannot be taken now goes back to the inbox. False when Kafka is away. */
    private boolean takeClaimed(Path claimed) {
        boolean kafkaAway = false;
        try {
            kafkaAway = !take(claimed);
        } catch (IOException e) {
            log.warn("Could not take in {}, will offer it again: {}", claimed, e.toString());
        }
        if (Files.exists(claimed, LinkOption.NOFOLLOW_LINKS) && !publishedNotMoved.containsKey(claimed)) {
            try {
                inbox.release(claimed);
            } catch (IOException e) {
                log.warn("Could not put {} back into the inbox, this instance retries it: {}", claimed, e.toString());
            }
        }
        return !kafkaAway;
    }

    /**
     * Returns false when Kafka is away, so the scan stops instead of failing file after file; a file Kafka refused
     * for what it holds goes to failed and the scan goes on.
     */
    private boolean take(Path file) throws IOException {
        Source source = new Source(properties.folderSource(), SourceKind.folder, inbox.nameOf(file));
        Published pending = publishedNotMoved.get(file);
        if (pending != null) {
            if (pending.modified().equals(modified(file))) {
                moveToDone(file, source, pending);
                return true;
            }
            // Rewritten since it was published: a new version, taken in again.
            publishedNotMoved.remove(file);
        }
        FileTime before = modified(file);
        Optional<Documents.Read> read = read(file, source);
        if (read.isEmpty()) {
            return true;
        }
        List<ArticleReceived> articles;
        try {
            articles = intake.take(source, read.get().articles());
        } catch (PublishFailedException e) {
            if (!e.retriable()) {
                // Kafka refused the records themselves: offered again it would fail again and hold up the inbox.
                refuse(file, source, "Kafka refused its articles, so none is taken in again: " + e.getMessage());
                return true;
            }
            log.warn("Keeping {} in the inbox: {}", source.uri(), e.getMessage());
            return false;
        }
        List<String> failures = read.get().failures();
        if (!failures.isEmpty()) {
            intake.rejected(source, failures.size());
        }
        Published published = new Published(before, articles.size(), failures);
        publishedNotMoved.put(file, published);
        moveToDone(file, source, published);
        return true;
    }

    private void moveToDone(Path file, Source source, Published published) {
        List<String> failures = published.failures();
        Path moved;
        try {
            moved = inbox.moveToDone(file);
        } catch (NoSuchFileException e) {
            publishedNotMoved.remove(file);
            return;
        } catch (IOException e) {
            storage.failed(Operation.done, file, e);
            return;
        }
        publishedNotMoved.remove(file);
        storage.recovered(Operation.done);
        log.info("Took in {} article(s) from {} (moved to {})", published.articles(), source.uri(), moved);
        if (!failures.isEmpty()) {
            log.warn("Refused {} item(s) of {}: {}", failures.size(), source.uri(), failures);
            recordItemFailures(new ItemFailures(moved, failures));
        }
    }

    private void recordPendingItemFailures() {
        List<ItemFailures> pending;
        synchronized (unrecorded) {
            pending = List.copyOf(unrecorded);
            unrecorded.clear();
        }
        pending.forEach(this::recordItemFailures);
    }

    private void recordItemFailures(ItemFailures record) {
        try {
            Path written = inbox.recordItemFailures(record.taken(), record.failures());
            storage.recovered(Operation.item_failures);
            log.info("Refused items of {} recorded in {}", record.taken(), written);
        } catch (IOException e) {
            storage.failed(Operation.item_failures, record.taken(), e);
            synchronized (unrecorded) {
                unrecorded.add(record);
            }
        }
    }

    private static FileTime modified(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).lastModifiedTime();
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
        Path moved;
        try {
            moved = inbox.moveToFailed(file, reason);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            storage.failed(Operation.failed, file, e);
            log.debug("Refused {} but cannot move it to failed, it stays in the inbox: {}", source.uri(), reason);
            return;
        }
        storage.recovered(Operation.failed);
        intake.rejected(source, 1);
        log.warn("Refused {}: {} (moved to {})", source.uri(), reason, moved);
    }
}
