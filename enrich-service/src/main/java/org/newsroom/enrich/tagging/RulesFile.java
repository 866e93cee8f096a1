package org.newsroom.enrich.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The rules file as last saved: re-read when its modification time changes (checked at most once per
 * {@code checkEvery}), so edits apply to new articles without a restart. A file that does not parse is
 * reported and the previous rules stay in force. A missing file is created from the bundled default.
 */
public final class RulesFile implements Supplier<TopicRules.Parsed> {

    public static final String DEFAULT_RESOURCE = "tagging/rules.yaml";
    private static final System.Logger LOG = System.getLogger(RulesFile.class.getName());

    private final Path path;
    private final MediaTopics iptc;
    private final Duration checkEvery;
    private final Clock clock;
    private TopicRules.Parsed rules;
    private FileTime loadedVersion;
    private Instant checkedAt = Instant.MIN;

    public RulesFile(Path path, MediaTopics iptc, Duration checkEvery, Clock clock) {
        this.path = path;
        this.iptc = iptc;
        this.checkEvery = checkEvery;
        this.clock = clock;
        writeDefaultIfMissing();
        this.rules = TopicRules.parse(read(), iptc);
        this.loadedVersion = modified();
    }

    public static String bundledDefault() {
        try (InputStream in = RulesFile.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized TopicRules.Parsed get() {
        Instant now = clock.instant();
        if (now.isBefore(checkedAt.plus(checkEvery))) {
            return rules;
        }
        checkedAt = now;
        FileTime modified = modified();
        if (modified != null && !modified.equals(loadedVersion)) {
            try {
                rules = TopicRules.parse(read(), iptc);
                LOG.log(System.Logger.Level.INFO, "reloaded {0} topic rules from {1}", rules.rules().size(), path);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "kept the previous rules: " + path + " does not parse", e);
            }
            loadedVersion = modified;
        }
        return rules;
    }

    private void writeDefaultIfMissing() {
        try {
            if (!Files.exists(path)) {
                Path parent = path.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(path, bundledDefault());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the rules file " + path, e);
        }
    }

    private String read() {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return null;
        }
    }
}
