package org.newsroom.contracts;

import java.util.Objects;

/**
 * A piece of text that cleaning took out of an article, kept so that every removal can be audited.
 *
 * @param text   the removed text
 * @param reason why it was removed, e.g. {@code boilerplate}, {@code photo-credit}, {@code contributor-line}
 */
public record Removal(String text, String reason) {

    public Removal {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
    }
}
