package org.newsroom.contracts;

/** The kinds of named entity the enrichment recognises. */
public enum EntityType {
    person, place, organisation
}
