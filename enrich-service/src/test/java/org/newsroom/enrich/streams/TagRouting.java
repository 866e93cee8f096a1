package org.newsroom.enrich.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.newsroom.enrich.routing.RecordingAdmin;
import org.newsroom.enrich.routing.TagTopics;
import org.newsroom.enrich.tagging.TaggingProperties;

/** Tag routing settings for topology tests, and tag topics "created" without a broker. */
final class TagRouting {

    private TagRouting() {
    }

    /** The default settings, routing {@code routedTags} of every scheme a deployment may route (places, IPTC too). */
    static TaggingProperties tagging(List<String> routedTags) {
        return tagging(Path.of("var/tagging/rules.yaml"), routedTags);
    }

    /** The same, with the rules file (created from the bundled default when missing) at {@code rulesFile}. */
    static TaggingProperties tagging(Path rulesFile, List<String> routedTags) {
        return new TaggingProperties(rulesFile, Duration.ofSeconds(2), "", 2, Duration.ofDays(3), 0.125, 0.2,
                Duration.ofDays(30), routedTags,
                List.of("place", "newsroom", "iptc-mediatopic"), 3);
    }

    static TagTopics topics() {
        return new TagTopics(new RecordingAdmin(), 3);
    }
}
