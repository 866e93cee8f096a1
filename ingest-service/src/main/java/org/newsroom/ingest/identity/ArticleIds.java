package org.newsroom.ingest.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic article ids: the same input always gets the same id, so re-delivery overwrites instead of
 * duplicating. The identity is the most stable one the source gives: the agency guid, else the
 * canonical URL, else the normalised text; always within the source's name, so that one source can never
 * correct, kill or overwrite another source's article by sending its guid or URL.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    public static String fromGuid(String sourceName, String guid) {
        return hash("guid", sourceName + "\n" + guid.strip());
    }

    public static String fromUrl(String sourceName, String canonicalUrl) {
        return hash("url", sourceName + "\n" + canonicalUrl);
    }

    public static String fromContent(String sourceName, String headline, List<String> paragraphs) {
        return hash("content", sourceName + "\n" + normalised(headline) + "\n" + normalised(String.join("\n", paragraphs)));
    }

    /** Case, Unicode form and spacing do not change the identity of a text. */
    static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** 128 bits of SHA-256 in hex: unique in practice, and safe as a Kafka key, ES _id and URL segment. */
    private static String hash(String kind, String identity) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(kind.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            byte[] hash = digest.digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
