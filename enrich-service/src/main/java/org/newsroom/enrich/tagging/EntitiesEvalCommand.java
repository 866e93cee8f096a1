package org.newsroom.enrich.tagging;

import java.nio.file.Path;
import java.util.List;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.entities.EntitiesEvaluation;
import org.newsroom.enrich.entities.EntityRecognizer;
import org.newsroom.enrich.entities.People;

/**
 * {@code ./newsroom entities-eval}: {@link EntitiesEvaluation} on Reuters-21578's ModApte TEST split (stories with
 * at least one label of the kind), first with the recognizer and people's memory as the service runs them (the
 * subject model's vocabulary, which is why the command lives here and not in {@code entities}), then with Reuters'
 * own PEOPLE list preloaded (which the service does not have).
 */
public final class EntitiesEvalCommand {

    private EntitiesEvalCommand() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("newsroom.root", "."));
        List<ReutersStory> test = Reuters21578.read(root.resolve("data/reuters21578")).stream()
                .filter(s -> s.split() == ReutersStory.ModApte.test).toList();
        System.out.printf("Reuters-21578 ModApte TEST, %d stories%n", test.size());
        System.out.println(EntitiesEvaluation.heading());
        System.out.println("service configuration (bundled gazetteer, people learnt from the stories as they come):");
        EntitiesEvaluation.report(test, serviceRecognizer(), servicePeople())
                .forEach(f -> System.out.println(f.line()));
        System.out.println("Reuters' PEOPLE list preloaded (not what the service runs):");
        EntitiesEvaluation.report(test, serviceRecognizer(), People.reutersList())
                .forEach(f -> System.out.println(f.line()));
    }

    /** The recognizer as the service makes it: with the shipped subject model's vocabulary. */
    static EntityRecognizer serviceRecognizer() {
        return EntityRecognizer.asTheServiceRuns(vocabulary());
    }

    /** People's memory as the service makes it: with the shipped subject model's vocabulary. */
    static People servicePeople() {
        return new People(vocabulary());
    }

    private static People.Vocabulary vocabulary() {
        return EnrichmentSteps.vocabulary(EnrichmentSteps.idf(EnrichmentSteps.bundledModel()));
    }
}
