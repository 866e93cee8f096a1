package org.newsroom.enrich.corrections;

import java.util.List;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Tag;

/**
 * What subscribers were last told about an article: its version, whether it was shown, and the tags it was
 * routed by. A record replaces it only if it is newer; at the same version a redelivery or a re-emitted
 * duplicate decision replaces a shown article, and a kill wins over the usable item it shares a version with,
 * but nothing revives a killed article without a higher version.
 */
public record LastVersion(int version, PubStatus pubStatus, List<Tag> tags) {

    public LastVersion {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The state after subscribers were told about {@code version} with these tags (none for a kill). */
    public static LastVersion of(int version, PubStatus pubStatus, List<Tag> tags) {
        return new LastVersion(version, pubStatus, pubStatus.shown() ? routing(tags) : List.of());
    }

    public boolean replacedBy(int newVersion, PubStatus newStatus) {
        if (newVersion != version) {
            return newVersion > version;
        }
        return pubStatus.shown() || !newStatus.shown();
    }

    /** The tags this version was routed by that {@code next} does not carry: their topics need a tombstone. */
    public List<Tag> droppedBy(List<Tag> next) {
        List<String> kept = next.stream().map(LastVersion::key).toList();
        return tags.stream().filter(tag -> !kept.contains(key(tag))).toList();
    }

    /** Only what routing reads is kept (scheme, id, label): scores and evidence would only bloat the store. */
    private static List<Tag> routing(List<Tag> tags) {
        return tags.stream().map(tag -> new Tag(tag.id(), tag.label(), tag.scheme(), 0, List.of())).toList();
    }

    private static String key(Tag tag) {
        return tag.scheme() + "\n" + tag.id();
    }
}
