package org.newsroom.corpora;

import java.util.List;

/**
 * One article of the BBC News dataset (Greene and Cunningham 2006).
 *
 * @param id         category and file number, e.g. {@code business/001}
 * @param category   business, entertainment, politics, sport or tech
 * @param headline   the first line of the file
 * @param paragraphs the rest, split on blank lines
 */
public record BbcStory(String id, String category, String headline, List<String> paragraphs) {

    public BbcStory {
        paragraphs = List.copyOf(paragraphs);
    }
}
