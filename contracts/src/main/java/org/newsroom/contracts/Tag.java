package org.newsroom.contracts;

import java.util.List;
import java.util.Objects;

/**
 * A subject tag on an enriched article.
 *
 * @param id       stable id within its scheme, e.g. {@code medtop:20000621}
 * @param label    human-readable label
 * @param scheme   the taxonomy or model that produced it, e.g. {@code iptc-mediatopic}
 * @param score    confidence in [0, 1]
 * @param evidence what made the tag fire (matched terms, rule names, model features)
 */
public record Tag(String id, String label, String scheme, double score, List<String> evidence) {

    public Tag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheme, "scheme");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
