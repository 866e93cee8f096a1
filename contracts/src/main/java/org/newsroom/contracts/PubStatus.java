package org.newsroom.contracts;

/**
 * Whether an article may be shown, in IPTC's terms (ninjs {@code pubstatus}, NewsML-G2 {@code pubStatus}, NITF
 * {@code management-status}): {@code canceled} is a kill, the agency withdrawing the item everywhere.
 */
public enum PubStatus {
    usable, withheld, canceled;

    /** Only usable articles are searchable and routed; withheld and canceled ones are taken out. */
    public boolean shown() {
        return this == usable;
    }
}
