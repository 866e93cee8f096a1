package org.newsroom.enrich.memory;

import java.time.Instant;
import java.util.List;
import org.newsroom.enrich.entities.People;

/**
 * What memory keeps of one article, worked out from the article alone: all {@link Memory} needs to answer and
 * to rebuild itself after a restart (replaying the facts of the articles in the window, in any order).
 *
 * @param time        publication time (receipt time when undated): the windows count in it
 * @param people      the people it names, as written
 * @param words       the words stories compare (content words, headline twice)
 * @param entityKeys  the entity ids it gives by itself, one per mention (a person by the full name it writes)
 */
public record Facts(String articleId, Instant time, People.Named people, List<String> words, List<String> entityKeys) {

    public Facts {
        words = List.copyOf(words);
        entityKeys = List.copyOf(entityKeys);
    }
}
