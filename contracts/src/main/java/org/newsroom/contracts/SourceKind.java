package org.newsroom.contracts;

/** The intake path an article arrived through. */
public enum SourceKind {
    folder, feed, http
}
