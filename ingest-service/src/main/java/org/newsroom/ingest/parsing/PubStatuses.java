package org.newsroom.ingest.parsing;

import java.util.Locale;
import org.newsroom.contracts.PubStatus;

/**
 * Reads a publishing status as each format writes it: NewsML-G2 {@code stat:canceled} (or its IPTC URI), ninjs
 * {@code canceled}, NITF {@code management-status="canceled"}. Leaning towards taking an article out: the
 * British "cancelled" is a kill and NITF's "embargoed" a hold; any other word (ninjs 3 "replaced", "draft")
 * leaves the article usable, since it names no removal we know.
 */
final class PubStatuses {

    private PubStatuses() {
    }

    static PubStatus of(String written) {
        if (written == null || written.isBlank()) {
            return PubStatus.usable;
        }
        String code = written.strip().toLowerCase(Locale.ROOT).replaceFirst("^.*[:/]", "");
        return switch (code) {
            case "canceled", "cancelled" -> PubStatus.canceled;
            case "withheld", "embargoed" -> PubStatus.withheld;
            default -> PubStatus.usable;
        };
    }

    /** A version number as written, 1 when absent or unreadable; leading zeros ("04") are allowed. */
    static int version(String written) {
        if (written == null) {
            return 1;
        }
        try {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Long.parseLong(written.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
