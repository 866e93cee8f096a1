package org.newsroom.enrich.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Republication variants of a story with the edits outlets really make: cut to the first paragraphs, a new
 * headline, boilerplate or local paragraphs added, their own byline and dateline, copy-editing (abbreviations
 * spelled out, verbs and spellings changed), paragraphs moved, and a mix (new headline, trimmed, own byline
 * and dateline, boilerplate added).
 */
final class Republications {

    enum Edit { trim, reheadline, boilerplate, byline_dateline, rewording, reorder, mixed }

    private static final List<String> BOILERPLATE = List.of(
            "Copyright 1987 The Daily Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
            "Sign up for our free morning newsletter to get the day's top business stories delivered to your inbox.",
            "Related coverage: markets, commodities and company results are on pages 4 and 5 of today's edition.",
            "Local dealers contacted by the Courier declined to comment on what the news means for the county's economy.",
            "Have a news tip? Call our newsroom or write to the business desk; we read every message.",
            "This article was published as part of a syndication agreement with a wire service.");
    private static final List<String> OUTLETS = List.of("Daily Courier", "Financial Post", "Evening Star", "Wire Digest");
    private static final Map<String, String> COPY_EDITS = Map.ofEntries(Map.entry("mln", "million"),
            Map.entry("pct", "percent"), Map.entry("dlrs", "dollars"), Map.entry("said", "says"),
            Map.entry("billion", "bln"), Map.entry("shr", "share"), Map.entry("vs", "versus"),
            Map.entry("company", "firm"), Map.entry("would", "will"), Map.entry("also", "further"),
            Map.entry("about", "around"), Map.entry("told", "informed"), Map.entry("rise", "increase"));
    private static final Pattern WORD = Pattern.compile("\\b\\p{L}+\\b");

    private final Random random;

    Republications(long seed) {
        this.random = new Random(seed);
    }

    record Variant(Edit edit, String headline, List<String> paragraphs) {
    }

    Variant apply(Edit edit, String headline, String dateline, List<String> paragraphs) {
        return switch (edit) {
            case trim -> new Variant(edit, headline, trimmed(paragraphs));
            case reheadline -> new Variant(edit, newHeadline(headline), paragraphs);
            case boilerplate -> new Variant(edit, headline, padded(paragraphs));
            case byline_dateline -> new Variant(edit, headline, bylined(dateline, paragraphs));
            case rewording -> new Variant(edit, headline, reworded(paragraphs));
            case reorder -> new Variant(edit, headline, reordered(paragraphs));
            case mixed -> new Variant(edit, newHeadline(headline),
                    padded(bylined(dateline, trimmed(paragraphs))));
        };
    }

    /** The first half or more of the paragraphs (of the sentences, for one-paragraph stories). */
    private List<String> trimmed(List<String> paragraphs) {
        List<String> parts = paragraphs.size() > 1 ? paragraphs : sentences(paragraphs.getFirst());
        if (parts.size() < 2) {
            return paragraphs;
        }
        int keep = Math.max(1, (int) Math.ceil(parts.size() * (0.5 + 0.3 * random.nextDouble())));
        keep = Math.min(keep, parts.size() - 1);
        List<String> kept = parts.subList(0, keep);
        return paragraphs.size() > 1 ? List.copyOf(kept) : List.of(String.join(" ", kept));
    }

    private String newHeadline(String headline) {
        return OUTLETS.get(random.nextInt(OUTLETS.size())) + ": " + headline.toLowerCase() + " - analysts react";
    }

    private List<String> padded(List<String> paragraphs) {
        List<String> padded = new ArrayList<>(paragraphs);
        padded.add(BOILERPLATE.get(random.nextInt(BOILERPLATE.size())));
        if (random.nextBoolean()) {
            padded.add(BOILERPLATE.get(random.nextInt(BOILERPLATE.size())));
        }
        if (random.nextInt(3) == 0) {
            padded.addFirst(BOILERPLATE.get(random.nextInt(BOILERPLATE.size())));
        }
        return padded;
    }

    private List<String> bylined(String dateline, List<String> paragraphs) {
        List<String> bylined = new ArrayList<>(paragraphs);
        String place = dateline == null || dateline.isBlank() ? "NEW YORK" : dateline.split(",")[0].strip();
        bylined.set(0, place + " (" + OUTLETS.get(random.nextInt(OUTLETS.size())) + ") - " + bylined.getFirst());
        bylined.addFirst("By Staff Reporter " + (char) ('A' + random.nextInt(26)) + ". Smith");
        return bylined;
    }

    /** About one word in twelve copy-edited where an edit applies. */
    private List<String> reworded(List<String> paragraphs) {
        return paragraphs.stream().map(p -> {
            Matcher words = WORD.matcher(p);
            StringBuilder out = new StringBuilder();
            while (words.find()) {
                String edit = COPY_EDITS.get(words.group().toLowerCase());
                words.appendReplacement(out, edit != null && random.nextInt(3) == 0 ? edit : words.group());
            }
            return words.appendTail(out).toString();
        }).toList();
    }

    private List<String> reordered(List<String> paragraphs) {
        List<String> parts = new ArrayList<>(paragraphs.size() > 1 ? paragraphs : sentences(paragraphs.getFirst()));
        if (parts.size() < 2) {
            return paragraphs;
        }
        parts.add(1, parts.removeLast());
        return paragraphs.size() > 1 ? parts : List.of(String.join(" ", parts));
    }

    private static List<String> sentences(String text) {
        return Arrays.stream(text.split("(?<=[.!?])\\s+(?=\\p{Lu})")).filter(s -> !s.isBlank()).toList();
    }
}
