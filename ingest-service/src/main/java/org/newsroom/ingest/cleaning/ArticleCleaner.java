package org.newsroom.ingest.cleaning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Removal;

/**
 * Cleans an article and completes its metadata: boilerplate, captions and credit lines go (each recorded
 * as a {@link Removal}), and the byline, dateline, wire agency, language, publication date and canonical
 * URL are filled from the text where the source did not give them. What the source gave always wins.
 */
public final class ArticleCleaner {

    private static final Pattern BYLINE = Pattern.compile(
            "^(?i:by)\\s+(\\p{Lu}[\\p{L}.'’-]*(?:[ ,]+(?:and |&\\s*)?\\p{Lu}[\\p{L}.'’-]*){0,6})\\s*$");

    public ArticleText clean(ArticleText article) {
        List<Removal> removed = new ArrayList<>(article.removed());
        List<String> paragraphs = new ArrayList<>(article.paragraphs());
        String byline = article.byline();
        Optional<Datelines.Found> opening = paragraphs.isEmpty() ? Optional.empty() : Datelines.at(paragraphs.getFirst());
        if (opening.isPresent() && opening.get().length() >= paragraphs.getFirst().strip().length()) {
            // A dateline on a line of its own is metadata, not story text.
            removed.add(new Removal(paragraphs.removeFirst(), "dateline"));
        }
        Matcher bylineLine = paragraphs.isEmpty() ? null : BYLINE.matcher(paragraphs.getFirst().strip());
        if (bylineLine != null && bylineLine.matches()) {
            removed.add(new Removal(paragraphs.removeFirst(), "byline"));
            byline = byline == null ? bylineLine.group(1).replaceAll("[,\\s]+$", "") : byline;
        }
        if (opening.isEmpty() && !paragraphs.isEmpty()) {
            opening = Datelines.at(paragraphs.getFirst());
        }
        Credits.Result credits = Credits.strip(Boilerplate.strip(paragraphs, removed), removed);
        List<String> body = credits.paragraphs();
        String language = article.language() != null ? article.language()
                : Languages.detect(article.headline() + "\n\n" + String.join("\n\n", body)).orElse(null);
        return new ArticleText(article.headline(), body, publishedAt(article, body), tidy(byline),
                completed(article.dateline(), opening.map(Datelines.Found::dateline), credits.agency()), language,
                Urls.canonical(article.url()), removed);
    }

    /** The source's dateline first, then the one opening the text; the agency from either, else from credits. */
    private static Dateline completed(Dateline given, Optional<Dateline> fromText, Optional<String> credited) {
        String location = given != null && given.location() != null ? given.location()
                : fromText.map(Dateline::location).orElse(null);
        String agency = given != null && given.agency() != null ? given.agency()
                : fromText.map(Dateline::agency).or(() -> credited).orElse(null);
        return location == null && agency == null ? null : new Dateline(location, agency);
    }

    /** "By Meredith Jameson," reads "Meredith Jameson". */
    private static String tidy(String byline) {
        if (byline == null) {
            return null;
        }
        String tidy = byline.strip().replaceFirst("^(?i)by\\s+", "").replaceAll("[\\s,;:]+$", "");
        return tidy.isEmpty() ? null : tidy;
    }

    private static Instant publishedAt(ArticleText article, List<String> paragraphs) {
        if (article.publishedAt() != null) {
            return article.publishedAt();
        }
        return TextDates.in(String.join("\n", paragraphs.subList(0, Math.min(2, paragraphs.size())))).orElse(null);
    }
}
