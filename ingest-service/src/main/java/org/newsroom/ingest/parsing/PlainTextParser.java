package org.newsroom.ingest.parsing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text articles as newsroom tools drop them: the headline on the first line, a blank line, then
 * paragraphs separated by blank lines. A leading {@code date YYYY-MM-DD} marker gives the publication date;
 * when it shares its line with the first paragraph there is no headline line, so one is derived.
 */
public final class PlainTextParser {

    public static final String FORMAT = "text";

    private static final Pattern DATE_MARKER = Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})[ \\t]*(.*)$", Pattern.DOTALL);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final int MAX_DERIVED_HEADLINE = 110;
    private static final int MAX_HEADLINE = 300;

    public ParsedArticle parse(byte[] bytes) throws UnreadableDocumentException {
        return parse(TextDecoding.decode(bytes));
    }

    ParsedArticle parse(String decoded) throws UnreadableDocumentException {
        String text = decoded.replace("\r\n", "\n").replace('\r', '\n');
        Instant publishedAt = null;
        boolean headlineLine = true;
        Matcher date = DATE_MARKER.matcher(text);
        if (date.matches()) {
            publishedAt = LocalDate.parse(date.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
            text = date.group(2);
            // Text on the marker's own line means the article starts there, without a headline line.
            headlineLine = text.startsWith("\n");
        }
        List<String> blocks = paragraphs(text);
        if (blocks.isEmpty()) {
            throw new UnreadableDocumentException("no article text");
        }
        String headline;
        List<String> body;
        if (headlineLine && blocks.size() > 1 && !blocks.getFirst().contains("\n")
                && blocks.getFirst().length() <= MAX_HEADLINE) {
            headline = blocks.getFirst();
            body = blocks.subList(1, blocks.size());
        } else {
            headline = derivedHeadline(blocks.getFirst());
            body = blocks;
        }
        List<String> paragraphs = body.stream().map(PlainTextParser::joinLines).toList();
        return ParsedArticle.ofText(FORMAT, joinLines(headline), paragraphs, publishedAt);
    }

    /** Blank-line separated blocks of a text, each flattened to one line. */
    static List<String> blocks(String text) {
        return paragraphs(text.replace("\r\n", "\n").replace('\r', '\n')).stream().map(PlainTextParser::joinLines).toList();
    }

    private static List<String> paragraphs(String text) {
        List<String> blocks = new ArrayList<>();
        for (String block : BLANK_LINES.split(text.strip())) {
            String stripped = block.strip();
            if (!stripped.isEmpty()) {
                blocks.add(stripped);
            }
        }
        return blocks;
    }

    private static String joinLines(String block) {
        return block.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    /** The first sentence of the first paragraph, cut at a word boundary when long. */
    static String derivedHeadline(String paragraph) {
        String flat = joinLines(paragraph);
        Matcher sentence = Pattern.compile("^(.+?[.!?])(\\s|$)").matcher(flat);
        String first = sentence.find() ? sentence.group(1) : flat;
        if (first.length() <= MAX_DERIVED_HEADLINE) {
            return first;
        }
        int cut = first.lastIndexOf(' ', MAX_DERIVED_HEADLINE);
        return first.substring(0, cut > 0 ? cut : MAX_DERIVED_HEADLINE) + " …";
    }
}
