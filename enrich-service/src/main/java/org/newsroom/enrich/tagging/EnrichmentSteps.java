package org.newsroom.enrich.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.clustering.Stories;
import org.newsroom.enrich.clustering.TermIdf;
import org.newsroom.enrich.entities.EntityRecognizer;
import org.newsroom.enrich.entities.People;
import org.newsroom.enrich.memory.Memory;
import org.newsroom.enrich.normalising.Words;

/** Builds the enrichment steps from settings: bundled resources unless a file is named. Plain Java. */
public final class EnrichmentSteps {

    private EnrichmentSteps() {
    }

    public static Enricher.Steps of(TaggingProperties p, Clock clock) {
        MediaTopics iptc = MediaTopics.bundled();
        RulesFile rules = new RulesFile(p.rulesFile(), iptc, p.rulesCheckInterval(), clock);
        SubjectModel subjects = subjectModel(p.subjectModel());
        TermIdf idf = idf(subjects); // one table for every memory the service makes, its people and its stories
        return new Enricher.Steps(EntityRecognizer.asTheServiceRuns(vocabulary(idf)),
                new TopicTagger(iptc, rules), new SubjectClassifier(subjects, SubjectClassifier.SCHEME),
                new PlaceTagger(p.placeMinMentions()), () -> memory(p, idf));
    }

    /**
     * A fresh memory with these settings, weighing words by the subject model's idf ({@link #idf}): its people tell
     * words from surnames by it, its stories weigh words by it. Stories keep articles for two story windows, so one
     * arriving up to a window late is still judged against every article it could share a story with.
     */
    public static Memory memory(TaggingProperties p, TermIdf idf) {
        return new Memory(new People(vocabulary(idf)), p.peopleWindow(), new Stories(stories(p), idf),
                p.storyWindow().multipliedBy(2));
    }

    public static Stories.Settings stories(TaggingProperties p) {
        return new Stories.Settings(p.storyWindow(), p.storyThreshold(), p.storyEntityWeight());
    }

    /**
     * Below this idf (in the shipped Reuters model: "british" 3.69, "treasury" 3.48, "sales" 2.18, "reuter" 1.52), a
     * word is common in news text; names people write alone are rarer ("reagan" 3.93, "baker" 4.42, "yeutter" 5.01).
     */
    static final double COMMON_WORD_IDF = 3.5;

    /**
     * Which lone capitalised words people's memory takes for words, not surnames, by the subject model's idf ({@link
     * #idf}): its vocabulary, and the common part of it.
     */
    public static People.Vocabulary vocabulary(TermIdf idf) {
        // Stop words are not in the model (it counts content words) but are the commonest words of all.
        return People.Vocabulary.of(idf.idf().keySet(), word -> idf.of(word) < COMMON_WORD_IDF || Words.stopWord(word));
    }

    /** Stories weigh words by the subject model's idf: fixed, learnt from the training corpus. */
    public static TermIdf idf(SubjectModel model) {
        return TermIdf.of(model.terms().index(), model.terms().idf());
    }

    public static SubjectModel bundledModel() {
        return subjectModel("");
    }

    private static SubjectModel subjectModel(String file) {
        try (InputStream in = file == null || file.isBlank() ? SubjectModels.bundled() : Files.newInputStream(Path.of(file))) {
            return SubjectModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the subject model " + file, e);
        }
    }
}
