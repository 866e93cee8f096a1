package org.newsroom.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys, held only as SHA-256 digests. A presented key is digested and compared with every
 * configured digest in constant time, without stopping at a match, so the time an answer takes says nothing about
 * how much of a guessed key was right or which key it was close to.
 */
final class ApiKeys {

    private record Entry(byte[] digest, AccessProperties.ApiKey key) {
    }

    private final List<Entry> entries = new ArrayList<>();

    ApiKeys(List<AccessProperties.ApiKey> keys) {
        for (AccessProperties.ApiKey key : keys) {
            byte[] digest = key.key() != null && !key.key().isBlank() ? sha256(key.key().strip())
                    : HexFormat.of().parseHex(key.sha256().strip().toLowerCase());
            entries.add(new Entry(digest, key));
        }
    }

    /** The key the presented secret is, if any. */
    Optional<AccessProperties.ApiKey> match(String presented) {
        byte[] digest = sha256(presented.strip());
        AccessProperties.ApiKey found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.key();
            }
        }
        return Optional.ofNullable(found);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
