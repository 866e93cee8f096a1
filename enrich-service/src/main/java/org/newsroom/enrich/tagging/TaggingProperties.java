package org.newsroom.enrich.tagging;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of tagging, entities, stories and per-tag topics ({@code enrich.tagging.*}, or
 * {@code ENRICH_TAGGING_*} in the environment).
 *
 * @param rulesFile          the editable rules file; created from the bundled default when missing
 * @param rulesCheckInterval how often the rules file's modification time is checked
 * @param subjectModel       a retrained subject model file; empty = the bundled Reuters-21578 model
 * @param placeMinMentions   mentions that make a place a tag
 * @param storyWindow        a story quiet for this long closes
 * @param storyThreshold     similarity an article needs to join an open story
 * @param routedTags         tags (slugs, e.g. {@code venezuela}) that get a topic {@code articles.tag.<slug>.v1};
 *                           {@code *} routes every tag of the listed {@code routedSchemes}
 * @param routedSchemes      schemes whose tags {@code *} routes
 * @param tagPartitions      partitions of each per-tag topic
 */
@ConfigurationProperties("enrich.tagging")
public record TaggingProperties(
        @DefaultValue("var/tagging/rules.yaml") Path rulesFile,
        @DefaultValue("2s") Duration rulesCheckInterval,
        @DefaultValue("") String subjectModel,
        @DefaultValue("2") int placeMinMentions,
        @DefaultValue("3d") Duration storyWindow,
        @DefaultValue("0.3") double storyThreshold,
        @DefaultValue("*") List<String> routedTags,
        @DefaultValue({"place", "newsroom", "iptc-mediatopic"}) List<String> routedSchemes,
        @DefaultValue("3") int tagPartitions) {
}
