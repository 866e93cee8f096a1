package org.newsroom.corpora;

import java.time.Instant;
import java.util.List;

/**
 * One story of Reuters-21578 with its labels.
 *
 * @param newId      the corpus' own id (NEWID), unique across the 22 files
 * @param date       when Reuters filed it (1987)
 * @param split      its ModApte role: train, test, or unused (no topics, or not in the split)
 * @param topics     TOPICS categories (the classification labels)
 * @param places     PLACES labels
 * @param people     PEOPLE labels
 * @param orgs       ORGS labels
 * @param title      the headline; may be empty for briefs without one
 * @param dateline   e.g. "AKRON, Ohio, March 26 - "
 * @param paragraphs body paragraphs without the "Reuter" sign-off
 */
public record ReutersStory(int newId, Instant date, ModApte split, List<String> topics, List<String> places,
                           List<String> people, List<String> orgs, String title, String dateline,
                           List<String> paragraphs) {

    public ReutersStory {
        topics = List.copyOf(topics);
        places = List.copyOf(places);
        people = List.copyOf(people);
        orgs = List.copyOf(orgs);
        paragraphs = List.copyOf(paragraphs);
    }

    /** The ModApte split (Apté et al. 1994) as used by Yang and Liu 1999 and Joachims 1998. */
    public enum ModApte {
        train, test, unused
    }

    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
