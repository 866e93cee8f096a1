package org.newsroom.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The key of the local principal ({@code NEWSROOM_API_KEY}) for a stack started by {@code ./newsroom up}: the one
 * in the environment, else the one kept in {@code var/api-key}, else a new random one written there (readable by
 * its owner only). There is never a default key: every stack has its own.
 */
final class LocalApiKey {

    static final String VARIABLE = "NEWSROOM_API_KEY";

    private LocalApiKey() {
    }

    static String of(Map<String, String> environment, Path var) throws IOException {
        String given = environment.get(VARIABLE);
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        Path file = var.resolve("api-key");
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.isEmpty()) {
                return kept;
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(var);
        Files.writeString(file, key + System.lineSeparator(), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions keeps the folder's own.
        }
        return key;
    }
}
