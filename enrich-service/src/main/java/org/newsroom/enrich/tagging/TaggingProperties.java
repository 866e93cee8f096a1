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
 * @param storyWindow        articles further apart than this are never one story, and stories forget them
 * @param storyThreshold     similarity every two articles of a story reach (tuned on ECB+ train topics)
 * @param storyEntityWeight  how much shared named entities count against shared words in that similarity
 * @param peopleWindow       how long the names an article wrote count towards who a person is
 * @param routedTags         tags (slugs, e.g. {@code venezuela}) that get a topic {@code articles.tag.<slug>.v1};
 *                           {@code *} routes every tag of the listed {@code routedSchemes}
 * @param routedSchemes      schemes whose tags {@code *} routes; by default only the newsroom's own rules
 *                           ({@code newsroom}): each routed tag costs a full copy of the article on Kafka and a
 *                           partition set in every transaction that writes it, so places and IPTC topics (hundreds
 *                           of tags) are routed only when a deployment lists them (docs/tagging.md)
 * @param tagPartitions      partitions of each per-tag topic
 */
@ConfigurationProperties("enrich.tagging")
public record TaggingProperties(
        @DefaultValue("var/tagging/rules.yaml") Path rulesFile,
        @DefaultValue("2s") Duration rulesCheckInterval,
        @DefaultValue("") String subjectModel,
        @DefaultValue("2") int placeMinMentions,
        @DefaultValue("3d") Duration storyWindow,
        @DefaultValue("0.125") double storyThreshold,
        @DefaultValue("0.2") double storyEntityWeight,
        @DefaultValue("30d") Duration peopleWindow,
        @DefaultValue("*") List<String> routedTags,
        @DefaultValue("newsroom") List<String> routedSchemes,
        @DefaultValue("3") int tagPartitions) {
}
