package org.newsroom.ingest.cleaning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date written at the start of the text, used only when metadata gave none: an ISO date, or a
 * full date such as {@code March 26, 2019} or {@code 26 March 2019}. Only dates with a year count: "March 26"
 * alone could be any year.
 */
final class TextDates {

    private static final String MONTHS = "(January|February|March|April|May|June|July|August|September|October|November|December)";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern MONTH_FIRST = Pattern.compile("\\b" + MONTHS + "\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
    private static final Pattern DAY_FIRST = Pattern.compile("\\b(\\d{1,2})\\s+" + MONTHS + ",?\\s+(\\d{4})\\b");
    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("MMMM d yyyy", Locale.ENGLISH);

    private TextDates() {
    }

    static Optional<Instant> in(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            return parse(iso.group(1), DateTimeFormatter.ISO_LOCAL_DATE);
        }
        Matcher monthFirst = MONTH_FIRST.matcher(text);
        if (monthFirst.find()) {
            return parse(monthFirst.group(1) + " " + monthFirst.group(2) + " " + monthFirst.group(3), WORDS);
        }
        Matcher dayFirst = DAY_FIRST.matcher(text);
        if (dayFirst.find()) {
            return parse(dayFirst.group(2) + " " + dayFirst.group(1) + " " + dayFirst.group(3), WORDS);
        }
        return Optional.empty();
    }

    private static Optional<Instant> parse(String date, DateTimeFormatter format) {
        try {
            return Optional.of(LocalDate.parse(date, format).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
