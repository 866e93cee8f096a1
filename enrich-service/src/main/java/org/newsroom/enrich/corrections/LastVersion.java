package org.newsroom.enrich.corrections;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Tag;

/**
 * What subscribers were last told about an article: its version, whether it was shown, and the tags it was
 * routed by. A record replaces it only if it is newer; at the same version a redelivery or a re-emitted
 * duplicate decision replaces a shown article, and a kill wins over the usable item it shares a version with,
 * but nothing revives a killed article without a higher version.
 *
 * <p>It also counts the records told about the article ({@code told}), which gives each its own event id, and
 * keeps a digest of the answers last told ({@code answers}, {@link #answersOf}), so that a revision that would
 * tell the same answers again is not told at all. Both live in the same changelogged store as the rest and commit
 * with the output, so an exactly-once retry counts as the attempt it replaces did.
 *
 * @param told    how many records subscribers were told about the article, this one included
 * @param answers the digest of the answers last told ({@link #answersOf}); 0 for a kill or hold
 */
public record LastVersion(int version, PubStatus pubStatus, List<Tag> tags, int told, long answers) {

    public LastVersion {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The state after subscribers were told about {@code version} (the {@code told}-th record about the article)
     * with these tags (none for a kill) and answers.
     */
    public static LastVersion of(int version, PubStatus pubStatus, List<Tag> tags, int told, long answers) {
        return pubStatus.shown() ? new LastVersion(version, pubStatus, routing(tags), told, answers)
                : new LastVersion(version, pubStatus, List.of(), told, 0);
    }

    public boolean replacedBy(int newVersion, PubStatus newStatus) {
        if (newVersion != version) {
            return newVersion > version;
        }
        return pubStatus.shown() || !newStatus.shown();
    }

    /** Whether telling {@code version} with these answers would only repeat what subscribers were last told. */
    public boolean repeatedBy(int newVersion, long newAnswers) {
        return pubStatus.shown() && newVersion == version && newAnswers == answers;
    }

    /** The tags this version was routed by that {@code next} does not carry: their topics need a tombstone. */
    public List<Tag> droppedBy(List<Tag> next) {
        List<String> kept = next.stream().map(LastVersion::key).toList();
        return tags.stream().filter(tag -> !kept.contains(key(tag))).toList();
    }

    /**
     * What enrich decides about one version of an article, as 64 bits of an MD5 digest: the duplicate decision, the
     * story, the entities and the tags. Everything else of a version is the article as received, the same in every
     * telling of it. Record texts are stable within a release; after an upgrade a changed text costs at most one
     * revision told again per article.
     */
    public static long answersOf(ArticleEnriched article) {
        String answers = String.join("\n", String.valueOf(article.version()), String.valueOf(article.dedup()),
                String.valueOf(article.storyId()), article.entities().toString(), article.tags().toString());
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(answers.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** Only what routing reads is kept (scheme, id, label): scores and evidence would only bloat the store. */
    private static List<Tag> routing(List<Tag> tags) {
        return tags.stream().map(tag -> new Tag(tag.id(), tag.label(), tag.scheme(), 0, List.of())).toList();
    }

    private static String key(Tag tag) {
        return tag.scheme() + "\n" + tag.id();
    }
}
