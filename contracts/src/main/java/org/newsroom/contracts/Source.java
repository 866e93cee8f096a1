package org.newsroom.contracts;

import java.util.Objects;

/**
 * Where an article came in: a named source, the intake path it took, and the location it was read from.
 *
 * @param name the publisher or feed name when known, else the intake's name (e.g. {@code inbox})
 * @param kind which intake path delivered it
 * @param uri  the file, feed or request it was read from
 */
public record Source(String name, SourceKind kind, String uri) {

    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
