package org.newsroom.ingest.backfill;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.BbcStory;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.ingest.parsing.ParsedArticle;

/**
 * The built-in corpora as backfill units, one per story. Each story's id in its corpus is its guid, so a
 * re-run publishes the same article ids (overwriting, never adding).
 */
final class Corpora {

    static final String REUTERS = "reuters21578";
    static final String BBC = "bbc";

    /** "AKRON, Ohio, March 26 - ": the place before the date. */
    private static final Pattern REUTERS_DATELINE = Pattern.compile(
            "^(.+?),?\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}\\b.*$", Pattern.DOTALL);
    private static final int MAX_DERIVED_HEADLINE = 100;

    private Corpora() {
    }

    static List<BackfillUnit> reuters(Path folder) {
        return Reuters21578.read(folder).stream().<BackfillUnit>map(story -> () -> List.of(item(story))).toList();
    }

    static List<BackfillUnit> bbc(Path folder) {
        return BbcNews.read(folder).stream().<BackfillUnit>map(story -> () -> List.of(item(story))).toList();
    }

    static BackfillItem item(ReutersStory story) {
        String where = REUTERS + "/" + story.newId();
        String headline = headline(story.title(), story.paragraphs());
        if (headline.isEmpty()) {
            return new BackfillItem.Failure(where, "story has neither a title nor a body");
        }
        Dateline dateline = new Dateline(location(story.dateline()), "Reuters");
        ParsedArticle article = new ParsedArticle("reuters-sgml", headline, story.paragraphs(), story.date(), null,
                dateline, "en", null, REUTERS + ":" + story.newId(), 1, List.of());
        return new BackfillItem.Article(where, new Source(REUTERS, SourceKind.folder, where), article);
    }

    static BackfillItem item(BbcStory story) {
        String where = BBC + "/" + story.id();
        String headline = headline(story.headline(), story.paragraphs());
        if (headline.isEmpty()) {
            return new BackfillItem.Failure(where, "story has neither a headline nor a body");
        }
        ParsedArticle article = new ParsedArticle("text", headline, story.paragraphs(), null, null, null, "en", null,
                BBC + ":" + story.id(), 1, List.of());
        return new BackfillItem.Article(where, new Source(BBC, SourceKind.folder, where), article);
    }

    /** The title, or for a brief without one, the start of its first paragraph. */
    static String headline(String title, List<String> paragraphs) {
        if (title != null && !title.isBlank()) {
            return title.strip().replaceAll("\\s+", " ");
        }
        if (paragraphs.isEmpty()) {
            return "";
        }
        String first = paragraphs.getFirst().strip().replaceAll("\\s+", " ");
        if (first.length() <= MAX_DERIVED_HEADLINE) {
            return first;
        }
        int cut = first.lastIndexOf(' ', MAX_DERIVED_HEADLINE);
        return first.substring(0, cut > 0 ? cut : MAX_DERIVED_HEADLINE) + " …";
    }

    static String location(String dateline) {
        if (dateline == null || dateline.isBlank()) {
            return null;
        }
        Matcher place = REUTERS_DATELINE.matcher(dateline.strip());
        return place.matches() ? place.group(1).strip() : null;
    }
}
