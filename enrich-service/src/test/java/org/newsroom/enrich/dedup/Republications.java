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
 * headline, boilerplate or local paragraphs added, their own byline and dateline, an agency credit line,
 * copy-editing of words and of quotations, paragraphs moved, and a mix (new headline, trimmed, own byline and
 * dateline, padded with boilerplate and credits at once: the outlet's paragraphs before the story, after its credit
 * line, and half the time inside it, before the credit line).
 *
 * <p>Outlets' own forms (datelines, bylines, credit lines, boilerplate, outlet names) come from one of two
 * disjoint {@link Forms}: {@link Forms#TUNING} builds the sample that thresholds and cleaning rules are chosen
 * on, {@link Forms#HELD_OUT} the sample the reported figure is measured on, so the figure does not reward
 * a cleaner that strips exactly the forms it was shown.
 */
final class Republications {

    enum Edit { trim, reheadline, boilerplate, byline_dateline, credit_line, rewording, quotes, reorder, mixed }

    /** The forms one group of outlets writes; {@code {city}}, {@code {outlet}}, {@code {name}} are filled in. */
    record Forms(String label, List<String> outlets, List<String> datelines, List<String> bylines,
                 List<String> credits, List<String> boilerplate) {

        static final Forms TUNING = new Forms("tuning",
                List.of("Daily Courier", "Financial Post", "Evening Star", "Wire Digest"),
                List.of("{CITY} ({outlet}) - ", "{CITY}, March 3 ({outlet}) - ", "{CITY} - "),
                List.of("By {name}", "By {NAME}, {outlet} correspondent", "By Staff Reporter {name}"),
                List.of("(Reporting by {name}; Editing by {name})", "Copyright 1987 The {outlet}. All rights reserved.",
                        "{outlet} staff writer {name} contributed to this report."),
                List.of("Copyright 1987 The Daily Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
                        "Sign up for our free morning newsletter to get the day's top business stories delivered to your inbox.",
                        "Related coverage: markets, commodities and company results are on pages 4 and 5 of today's edition.",
                        "Local dealers contacted by the Courier declined to comment on what the news means for the county's economy.",
                        "Have a news tip? Call our newsroom or write to the business desk; we read every message.",
                        "This article was published as part of a syndication agreement with a wire service."));

        static final Forms HELD_OUT = new Forms("held-out",
                List.of("Associated Press", "AFP", "Herald Tribune", "Metro Business Journal"),
                List.of("{CITY}, Feb. 12 (AP) \u2014 ", "{City} \u2014 ", "({outlet}) -- ", "{City}, 12 February (AFP) \u2013 ",
                        "{CITY}, Ill., March 9, 1987 /PRNewswire/ -- "),
                List.of("{name} | {outlet}", "BY {NAME}", "{name}, Associated Press Writer", "By {name} and {name}"),
                List.of("Reporting by {name} in {City}; additional reporting by {name}; writing by {name}",
                        "Associated Press writer {name} in {City} contributed to this report.",
                        "\u00a9 1987 {outlet}. Distributed by Tribune Content Agency, LLC.",
                        "-- Compiled by {name} for the {outlet} business desk"),
                List.of("Follow our business coverage on the web and in the weekend print edition.",
                        "Our journalism depends on readers like you: subscribe today for unlimited access to every story.",
                        "Residents who spoke to the Herald on Tuesday said they had not expected the announcement so soon.",
                        "For more company news and analysis, read the markets page every morning before the bell.",
                        "Editor's note: this story has been updated with comment from the company and analysts.",
                        "The Herald's editorial board will discuss what the decision means for the region at its weekly meeting."));
    }

    private static final List<String> NAMES = List.of("Jane Doe", "Carlos Mendes", "Anna Kowalski", "Lee Min-jun",
            "Robert O'Neill", "Fatima Benali", "Tom Becker", "Sara Lindqvist");
    private static final List<String> CITIES = List.of("NEW YORK", "CHICAGO", "LONDON", "TOKYO", "SAN FRANCISCO",
            "FRANKFURT", "TORONTO", "PARIS");
    private static final Map<String, String> COPY_EDITS = Map.ofEntries(Map.entry("mln", "million"),
            Map.entry("pct", "percent"), Map.entry("dlrs", "dollars"), Map.entry("said", "says"),
            Map.entry("billion", "bln"), Map.entry("shr", "share"), Map.entry("vs", "versus"),
            Map.entry("company", "firm"), Map.entry("would", "will"), Map.entry("also", "further"),
            Map.entry("about", "around"), Map.entry("told", "informed"), Map.entry("rise", "increase"));
    private static final Pattern WORD = Pattern.compile("\\b\\p{L}+\\b");
    private static final Pattern QUOTATION = Pattern.compile("\"([^\"]{20,})\"");
    private static final Pattern ATTRIBUTION = Pattern.compile("\\b(he|she|they|it|the \\p{L}+) said\\b");

    private final Random random;
    private final Forms forms;

    Republications(long seed, Forms forms) {
        this.random = new Random(seed);
        this.forms = forms;
    }

    record Variant(Edit edit, String headline, List<String> paragraphs) {
    }

    Variant apply(Edit edit, String headline, List<String> paragraphs) {
        return switch (edit) {
            case trim -> new Variant(edit, headline, trimmed(paragraphs));
            case reheadline -> new Variant(edit, newHeadline(headline), paragraphs);
            case boilerplate -> new Variant(edit, headline, padded(paragraphs));
            case byline_dateline -> new Variant(edit, headline, bylined(paragraphs));
            case credit_line -> new Variant(edit, headline, credited(paragraphs));
            case rewording -> new Variant(edit, headline, reworded(paragraphs));
            case quotes -> new Variant(edit, headline, quotesEdited(paragraphs));
            case reorder -> new Variant(edit, headline, reordered(paragraphs));
            case mixed -> new Variant(edit, newHeadline(headline),
                    padded(credited(localised(bylined(trimmed(paragraphs))))));
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
        return pick(forms.outlets()) + ": " + headline.toLowerCase() + " - analysts react";
    }

    private List<String> padded(List<String> paragraphs) {
        List<String> padded = new ArrayList<>(paragraphs);
        padded.add(pick(forms.boilerplate()));
        if (random.nextBoolean()) {
            padded.add(pick(forms.boilerplate()));
        }
        if (random.nextInt(3) == 0) {
            padded.addFirst(pick(forms.boilerplate()));
        }
        return padded;
    }

    /** Half the time, one of the outlet's paragraphs added at the end of the story, before its credit line. */
    private List<String> localised(List<String> paragraphs) {
        List<String> localised = new ArrayList<>(paragraphs);
        if (random.nextBoolean()) {
            localised.add(pick(forms.boilerplate()));
        }
        return localised;
    }

    private List<String> bylined(List<String> paragraphs) {
        List<String> bylined = new ArrayList<>(paragraphs);
        bylined.set(0, filled(pick(forms.datelines())) + bylined.getFirst());
        bylined.addFirst(filled(pick(forms.bylines())));
        return bylined;
    }

    private List<String> credited(List<String> paragraphs) {
        List<String> credited = new ArrayList<>(paragraphs);
        credited.add(filled(pick(forms.credits())));
        return credited;
    }

    /** About one word in three copy-edited where an edit applies. */
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

    /**
     * Quotations as a copy desk edits them: typographic quotation marks, a long quotation shortened by an
     * ellipsis in its middle, and the attribution turned round ("he said" becomes "said he").
     */
    private List<String> quotesEdited(List<String> paragraphs) {
        return paragraphs.stream().map(p -> {
            Matcher quotation = QUOTATION.matcher(p);
            StringBuilder out = new StringBuilder();
            while (quotation.find()) {
                String[] words = quotation.group(1).split(" ");
                String quoted = quotation.group(1);
                if (words.length >= 12 && random.nextBoolean()) {
                    int from = words.length / 3;
                    int to = from + 2 + random.nextInt(Math.max(1, words.length / 4));
                    quoted = String.join(" ", Arrays.copyOfRange(words, 0, from)) + " ... "
                            + String.join(" ", Arrays.copyOfRange(words, Math.min(to, words.length - 1), words.length));
                }
                quotation.appendReplacement(out, Matcher.quoteReplacement("\u201c" + quoted + "\u201d"));
            }
            String edited = quotation.appendTail(out).toString();
            return ATTRIBUTION.matcher(edited).replaceAll(m -> Matcher.quoteReplacement("said " + m.group(1)));
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

    private String filled(String form) {
        String name = pick(NAMES);
        String city = pick(CITIES);
        String cityName = Arrays.stream(city.toLowerCase().split(" "))
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .reduce((a, b) -> a + " " + b).orElseThrow();
        String filled = form.replace("{CITY}", city).replace("{City}", cityName)
                .replace("{outlet}", pick(forms.outlets())).replace("{NAME}", name.toUpperCase());
        while (filled.contains("{name}")) {
            filled = filled.replaceFirst("\\{name}", Matcher.quoteReplacement(name));
            name = pick(NAMES);
        }
        return filled;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static List<String> sentences(String text) {
        return Arrays.stream(text.split("(?<=[.!?])\\s+(?=\\p{Lu})")).filter(s -> !s.isBlank()).toList();
    }
}
