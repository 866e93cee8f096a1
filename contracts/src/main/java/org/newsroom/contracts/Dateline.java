package org.newsroom.contracts;

/**
 * The dateline of a story, e.g. {@code Moscow (AFP) –}.
 *
 * @param location the place the story was filed from, if stated
 * @param agency   the wire agency named in the dateline or credits (AP, AFP, Reuters, ...), if any
 */
public record Dateline(String location, String agency) {
}
