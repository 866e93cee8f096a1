package org.newsroom.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.contracts.Tag;

class TopicTaggerTests {

    private static final MediaTopics IPTC = MediaTopics.bundled();
    private static final String SANCTIONS = """
            topics:
              - id: sanctions-watch
                label: Sanctions watch
                any: [sanction*, embargo]
                none: [lifted]
            """;
    private static final String HEADLINE = "EU weighs new sanctions";
    private static final String BODY = "Ministers discussed sanctions and an oil embargo against the regime.";

    @TempDir
    Path dir;

    @Test
    void buildsTheIptcTreeFromBroader() {
        assertThat(IPTC.ancestors("medtop:20000639")).extracting(MediaTopics.Concept::label)
                .containsExactly("international relations", "politics and government");
    }

    @Test
    void aRuleTagCarriesWhatFiredItAndBringsItsIptcAncestors() {
        TopicTagger tagger = new TopicTagger(IPTC, () -> TopicRules.parse("""
                topics:
                  - id: medtop:20000639
                    any: [foreign minister, talks]
                    min: 2
                """, IPTC));
        List<Tag> tags = tagger.tags("Ministers meet", "The foreign minister held talks in Sochi.", List.of());
        assertThat(tags).extracting(Tag::id).containsExactly("medtop:20000639", "medtop:20000638", "medtop:11000000");
        assertThat(tags.getFirst().evidence()).contains("term 'foreign minister' x1", "term 'talks' x1");
        assertThat(tags.get(1).evidence()).contains("broader topic of medtop:20000639 (diplomacy)");
    }

    @Test
    void exclusionsAndEntityConditionsDecide() {
        TopicRules.Parsed rules = TopicRules.parse("""
                iptc-label-min-mentions: 0
                topics:
                  - id: venezuela-oil
                    label: Venezuelan oil
                    all: [oil]
                    entities: [place:venezuela]
                    none: [olive oil]
                """, IPTC);
        TopicTagger tagger = new TopicTagger(IPTC, () -> rules);
        Entity venezuela = new Entity("place:venezuela", "Venezuela", EntityType.place, List.of("Venezuela"), 2);
        assertThat(tagger.tags("Oil output", "Oil output fell.", List.of(venezuela))).extracting(Tag::id)
                .containsExactly("venezuela-oil");
        assertThat(tagger.tags("Oil output", "Oil output fell.", List.of())).isEmpty();
        assertThat(tagger.tags("Oil", "Olive oil prices.", List.of(venezuela))).isEmpty();
    }

    @Test
    void entitiesMatterToTopicsOnlyWhileARuleHasAnEntityCondition() {
        TopicTagger words = new TopicTagger(IPTC, () -> TopicRules.parse(SANCTIONS, IPTC));
        TopicTagger names = new TopicTagger(IPTC, () -> TopicRules.parse("""
                topics:
                  - id: sanctions-watch
                    any: [sanction*]
                  - id: venezuela-oil
                    all: [oil]
                    entities: [place:venezuela]
                """, IPTC));

        assertThat(words.testsEntities()).isFalse();
        assertThat(names.testsEntities()).isTrue();
    }

    @Test
    void aWildcardTermCountsEachWordItBeginsAndAPhraseOnlyWholeWords() {
        TopicRules.Parsed rules = TopicRules.parse("""
                iptc-label-min-mentions: 0
                topics:
                  - id: sanctions
                    any: [sanction*]
                  - id: rates
                    any: [interest rate*, central bank]
                """, IPTC);
        TopicTagger tagger = new TopicTagger(IPTC, () -> rules);

        List<Tag> tags = tagger.tags("Sanctions and rates", "Sanctioned banks, SANCTION lists; unsanctioned firms. "
                + "Interest rates rose, the interest-rate outlook and interest ratepayers; central banks.", List.of());

        assertThat(tags).extracting(Tag::id).containsExactlyInAnyOrder("sanctions", "rates");
        assertThat(tags).filteredOn(t -> t.id().equals("sanctions")).flatExtracting(Tag::evidence)
                .contains("term 'sanction*' x3");
        assertThat(tags).filteredOn(t -> t.id().equals("rates")).flatExtracting(Tag::evidence)
                .containsExactly("term 'interest rate*' x3", "rule rates");
    }

    @Test
    void anEditedRulesFileChangesTheTagsOfTheNextArticle() throws IOException {
        Path file = dir.resolve("rules.yaml");
        MutableClock clock = new MutableClock();
        RulesFile rules = new RulesFile(file, IPTC, Duration.ofSeconds(2), clock);
        TopicTagger tagger = new TopicTagger(IPTC, rules);
        assertThat(Files.readString(file)).contains("CC BY 4.0");
        assertThat(tagger.tags(HEADLINE, BODY, List.of())).extracting(Tag::id).doesNotContain("sanctions-watch");

        Files.writeString(file, SANCTIONS);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        clock.advance(Duration.ofSeconds(3));

        assertThat(tagger.tags(HEADLINE, BODY, List.of())).extracting(Tag::id).containsExactly("sanctions-watch");
    }

    @Test
    void aBrokenEditKeepsThePreviousRules() throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, SANCTIONS);
        MutableClock clock = new MutableClock();
        RulesFile rules = new RulesFile(file, IPTC, Duration.ofSeconds(2), clock);

        Files.writeString(file, "topics: [ {id: medtop:99999999} ]");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        clock.advance(Duration.ofSeconds(3));

        assertThat(rules.get().rules()).extracting(TopicRule::id).containsExactly("sanctions-watch");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
