package org.newsroom.corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the 21,578 stories of Reuters-21578 from its 22 SGML files (ISO-8859-1: one file holds a 0xFC byte).
 * The SGML is regular enough for patterns; a full SGML parser would add nothing.
 */
public final class Reuters21578 {

    private static final Pattern STORY = Pattern.compile("<REUTERS([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern LABEL = Pattern.compile("<D>(.*?)</D>", Pattern.DOTALL);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s{2,}|\\n\\s*\\n");
    private static final Pattern SIGN_OFF = Pattern.compile("\\s*\\bReuters?\\s*$");
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy HH:mm:ss").toFormatter(Locale.ENGLISH);

    private Reuters21578() {
    }

    /** Every story in {@code folder}'s {@code reut2-*.sgm} files, in corpus order. */
    public static List<ReutersStory> read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<ReutersStory> stories = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().matches("reut2-\\d{3}\\.sgm")).sorted().toList()) {
                stories.addAll(parse(Files.readString(file, StandardCharsets.ISO_8859_1)));
            }
            return stories;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ReutersStory> parse(String sgml) {
        List<ReutersStory> stories = new ArrayList<>();
        Matcher story = STORY.matcher(sgml);
        while (story.find()) {
            stories.add(story(story.group(1), story.group(2)));
        }
        return stories;
    }

    private static ReutersStory story(String attributes, String content) {
        String topicsAttribute = attribute(attributes, "TOPICS");
        String lewisSplit = attribute(attributes, "LEWISSPLIT");
        List<String> topics = labels(element(content, "TOPICS"));
        ReutersStory.ModApte split = !"YES".equals(topicsAttribute) ? ReutersStory.ModApte.unused
                : "TRAIN".equals(lewisSplit) ? ReutersStory.ModApte.train
                : "TEST".equals(lewisSplit) ? ReutersStory.ModApte.test
                : ReutersStory.ModApte.unused;
        String text = element(content, "TEXT");
        String body = element(text, "BODY");
        if (body.isEmpty() && !text.contains("<BODY>")) {
            // Briefs and unprocessed stories keep their text directly under TEXT.
            body = text.replaceAll("<[^>]+>[^<]*</[^>]+>", "");
        }
        return new ReutersStory(Integer.parseInt(attribute(attributes, "NEWID")), date(element(content, "DATE")),
                split, topics, labels(element(content, "PLACES")), labels(element(content, "PEOPLE")),
                labels(element(content, "ORGS")), unescape(element(text, "TITLE")).strip(),
                unescape(element(text, "DATELINE")).strip(), paragraphs(unescape(body)));
    }

    private static List<String> paragraphs(String body) {
        String text = SIGN_OFF.matcher(body.replace("\u0003", "").strip()).replaceAll("");
        List<String> paragraphs = new ArrayList<>();
        for (String block : PARAGRAPH_BREAK.split(text)) {
            String paragraph = block.replaceAll("\\s+", " ").strip();
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    private static java.time.Instant date(String raw) {
        String trimmed = raw.strip().replaceAll("\\.\\d+$", "");
        try {
            return LocalDateTime.parse(trimmed, DATE).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String attribute(String attributes, String name) {
        Matcher matcher = ATTRIBUTE.matcher(attributes);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        return "";
    }

    private static String element(String content, String name) {
        int start = content.indexOf("<" + name);
        if (start < 0) {
            return "";
        }
        int open = content.indexOf('>', start) + 1;
        int close = content.indexOf("</" + name + ">", open);
        return close < 0 ? "" : content.substring(open, close);
    }

    private static List<String> labels(String element) {
        List<String> labels = new ArrayList<>();
        Matcher label = LABEL.matcher(element);
        while (label.find()) {
            labels.add(label.group(1).strip());
        }
        return labels;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&#3;", "").replace("&#5;", "")
                .replace("&#22;", "").replace("&#27;", "").replace("&#30;", "").replace("&#31;", "")
                .replace("&#127;", "").replace("&amp;", "&");
    }
}
