package org.newsroom.contracts;

/** How an article relates to the earliest-published copy of the same story text. */
public enum DedupStatus {
    original, exact_duplicate, near_duplicate
}
