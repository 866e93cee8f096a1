package org.newsroom.corpora;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The stories {@code ./newsroom bench} replays, in its order: every Reuters-21578 story with a title and a body, then
 * every BBC story with a body, shuffled once with a fixed seed. {@code ./newsroom dedup-bench} reads the same list,
 * so its figures describe what the pipeline benchmark sends.
 */
public final class BenchStories {

    /**
     * @param dateline the source's dateline as written (Reuters'), or null
     * @param date     the source's date (Reuters'), or null
     */
    public record Story(String corpus, String headline, String dateline, List<String> paragraphs, Instant date) {

        public Story {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    private BenchStories() {
    }

    public static List<Story> read(Path dataDir) {
        List<Story> stories = new ArrayList<>();
        for (ReutersStory story : Reuters21578.read(dataDir.resolve("reuters21578"))) {
            if (!story.title().isBlank() && !story.paragraphs().isEmpty()) {
                stories.add(new Story("reuters21578", story.title(), story.dateline(), story.paragraphs(), story.date()));
            }
        }
        for (BbcStory story : BbcNews.read(dataDir.resolve("bbc"))) {
            if (!story.paragraphs().isEmpty()) {
                stories.add(new Story("bbc", story.headline(), null, story.paragraphs(), null));
            }
        }
        Collections.shuffle(stories, new Random(21578));
        return stories;
    }
}
