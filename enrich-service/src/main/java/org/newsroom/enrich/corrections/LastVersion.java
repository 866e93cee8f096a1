package org.newsroom.enrich.corrections;

import java.util.List;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.hashing.Hashing;

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
     * What enrich decides about one version of an article, as a 64-bit digest: the duplicate decision, the story, the
     * entities and the tags, every field of each. Everything else of a version is the article as received, the same in
     * every telling of it. Hashed field by field (FNV-1a over the characters, each field closed by its length): the
     * memory task digests every revision it considers, and building the records' texts to digest them (as before
     * session 7) allocated more than anything else in the memory task (JFR, session 7). A changed digest after an upgrade
     * costs at most one revision told again per article.
     */
    public static long answersOf(ArticleEnriched article) {
        Digest digest = new Digest().add(article.version());
        Dedup dedup = article.dedup();
        digest.add(dedup.status().name()).add(dedup.canonicalId()).add(dedup.similarity()).add(dedup.containment())
                .add(dedup.method()).add(article.storyId());
        digest.add(article.entities().size());
        for (Entity entity : article.entities()) {
            digest.add(entity.id()).add(entity.name()).add(entity.type().name()).add(entity.mentions())
                    .add(entity.aliases());
        }
        digest.add(article.tags().size());
        for (Tag tag : article.tags()) {
            digest.add(tag.id()).add(tag.label()).add(tag.scheme()).add(tag.score()).add(tag.evidence());
        }
        return digest.value();
    }

    /** FNV-1a, 64 bits; a field's length (-1 for null) follows its characters, so no two field lists hash alike by shifting. */
    private static final class Digest {

        private long hash = Hashing.FNV_START;

        Digest add(String text) {
            if (text == null) {
                return add(-1);
            }
            for (int i = 0; i < text.length(); i++) {
                hash = Hashing.fnv1a(hash, text.charAt(i));
            }
            return add(text.length());
        }

        Digest add(List<String> texts) {
            texts.forEach(this::add);
            return add(texts.size());
        }

        Digest add(double value) {
            return add(Double.doubleToLongBits(value));
        }

        Digest add(long value) {
            for (int shift = 0; shift < 64; shift += 8) {
                hash = Hashing.fnv1a(hash, (int) ((value >>> shift) & 0xff));
            }
            return this;
        }

        long value() {
            return hash;
        }
    }

    /** Only what routing reads is kept (scheme, id, label): scores and evidence would only bloat the store. */
    private static List<Tag> routing(List<Tag> tags) {
        return tags.stream().map(tag -> routingTag(tag.id(), tag.label(), tag.scheme())).toList();
    }

    /** A tag as a last version keeps it: what routing reads, no score or evidence. */
    public static Tag routingTag(String id, String label, String scheme) {
        return new Tag(id, label, scheme, 0, List.of());
    }

    private static String key(Tag tag) {
        return tag.scheme() + "\n" + tag.id();
    }
}
