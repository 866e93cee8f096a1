package org.newsroom.query.search;

/** Result order: best match first (ties newest first), or newest first. */
public enum SearchSort {
    relevance, date
}
