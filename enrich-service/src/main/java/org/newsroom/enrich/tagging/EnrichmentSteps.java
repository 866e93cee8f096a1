package org.newsroom.enrich.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.clustering.StoryClusterer;
import org.newsroom.enrich.entities.EntityRecognizer;

/** Builds the enrichment steps from settings: bundled resources unless a file is named. Plain Java. */
public final class EnrichmentSteps {

    private EnrichmentSteps() {
    }

    public static Enricher.Steps of(TaggingProperties p, Clock clock) {
        MediaTopics iptc = MediaTopics.bundled();
        RulesFile rules = new RulesFile(p.rulesFile(), iptc, p.rulesCheckInterval(), clock);
        return new Enricher.Steps(EntityRecognizer.asTheServiceRuns(),
                new TopicTagger(iptc, rules), new SubjectClassifier(subjectModel(p.subjectModel()), SubjectClassifier.SCHEME),
                new PlaceTagger(p.placeMinMentions()), new StoryClusterer(p.storyWindow(), p.storyThreshold()));
    }

    private static SubjectModel subjectModel(String file) {
        try (InputStream in = file == null || file.isBlank() ? SubjectModels.bundled() : Files.newInputStream(Path.of(file))) {
            return SubjectModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the subject model " + file, e);
        }
    }
}
