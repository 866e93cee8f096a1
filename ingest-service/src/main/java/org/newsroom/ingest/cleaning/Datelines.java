package org.newsroom.ingest.cleaning;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.newsroom.contracts.Dateline;

/**
 * Datelines at the start of a story: {@code Moscow (AFP) –}, {@code NEW YORK (AP) — The gas...},
 * {@code AKRON, Ohio, March 26 - } (Reuters), {@code BERLIN, July 5 (Reuters) -}, {@code LONDON -}.
 * An agency counts only when the parentheses name a known one.
 */
public final class Datelines {

    /** What a dateline said, and how many characters it took, so a caller can tell whether it was all. */
    public record Found(Dateline dateline, int length) {
    }

    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    private static final String PLACE = "\\p{Lu}[\\p{L}.'’-]*(?:[ ]\\p{Lu}[\\p{L}.'’-]*){0,3}";
    private static final String REGION = "(?:,\\s*\\p{Lu}[\\p{L}.'’-]*(?:[ ]\\p{Lu}[\\p{L}.'’-]*){0,2})?";
    private static final String DASH = "\\s*[-–—_]+\\s*";
    private static final Pattern WITH_AGENCY = Pattern.compile(
            "^(" + PLACE + REGION + ")(?:,\\s*" + MONTH + "\\s+\\d{1,2})?\\s*\\(([^()]{2,40})\\)" + DASH);
    private static final Pattern WITH_DATE = Pattern.compile(
            "^(" + PLACE + REGION + "),?\\s*" + MONTH + "\\s+\\d{1,2}(?:\\s+(\\p{Lu}{2,}))?" + DASH);
    private static final Pattern CAPITALS = Pattern.compile(
            "^(\\p{Lu}[\\p{Lu}.'’-]+(?:[ ]\\p{Lu}[\\p{Lu}.'’-]+){0,3}" + REGION + ")" + DASH);

    private Datelines() {
    }

    /** The dateline that opens the text, if any. */
    public static Optional<Found> at(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String stripped = text.strip();
        Matcher agency = WITH_AGENCY.matcher(stripped);
        if (agency.find()) {
            Optional<String> known = WireAgencies.firstNamedIn(agency.group(2));
            if (known.isPresent()) {
                return Optional.of(new Found(new Dateline(place(agency.group(1)), known.get()), agency.end()));
            }
        }
        Matcher dated = WITH_DATE.matcher(stripped);
        if (dated.find()) {
            String wire = dated.group(2) == null ? null : WireAgencies.named(dated.group(2)).orElse(null);
            return Optional.of(new Found(new Dateline(place(dated.group(1)), wire), dated.end()));
        }
        Matcher capitals = CAPITALS.matcher(stripped);
        if (capitals.find() && capitals.group(1).length() >= 3) {
            return Optional.of(new Found(new Dateline(place(capitals.group(1)), null), capitals.end()));
        }
        return Optional.empty();
    }

    /** Wire copy shouts place names ("NEW YORK"); they are stored as names ("New York"). */
    public static String place(String raw) {
        return Arrays.stream(raw.strip().replaceAll("[,\\s]+$", "").split(" "))
                .map(Datelines::unshouted)
                .collect(Collectors.joining(" "));
    }

    private static String unshouted(String word) {
        boolean shouted = word.length() > 2 && word.equals(word.toUpperCase(Locale.ROOT)) && !word.contains(".");
        return shouted ? word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT) : word;
    }
}
