package org.newsroom.ingest.parsing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication times as news formats write them: ISO 8601 (with or without a colon in the offset, or no
 * offset at all, taken as UTC), NITF's compact {@code 20151210T191044Z}, RFC 1123 and Unix epochs.
 * Unparseable values give null rather than failing the article: a date is metadata, not the story.
 */
public final class Timestamps {

    private static final Pattern COMPACT = Pattern.compile("(\\d{8})(?:T(\\d{4,6}))?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("(.*T[\\d:.]+)([+-]\\d{2})(\\d{2})");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,10}");
    private static final List<DateTimeFormatter> ZONED = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME, DateTimeFormatter.RFC_1123_DATE_TIME);

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private Timestamps() {
    }

    public static Instant parse(String value) {
        Instant parsed = parsed(value);
        // Templates and CMS defaults ("0001-01-01") are not publication dates.
        return parsed == null || parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST) ? null : parsed;
    }

    private static Instant parsed(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Matcher noColon = OFFSET_WITHOUT_COLON.matcher(text);
        if (noColon.matches()) {
            text = noColon.group(1) + noColon.group(2) + ":" + noColon.group(3);
        }
        for (DateTimeFormatter format : ZONED) {
            try {
                return ZonedDateTime.parse(text, format).toInstant();
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // not a date
        }
        return compactOrEpoch(text);
    }

    private static Instant compactOrEpoch(String text) {
        if (EPOCH.matcher(text).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        Matcher compact = COMPACT.matcher(text);
        if (!compact.matches()) {
            return null;
        }
        try {
            String time = compact.group(2) == null ? "000000" : (compact.group(2) + "00").substring(0, 6);
            LocalDateTime local = LocalDateTime.parse(compact.group(1) + time, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            String offset = compact.group(3);
            ZoneOffset zone = offset == null || offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(
                    offset.contains(":") ? offset : offset.substring(0, 3) + ":" + offset.substring(3));
            return OffsetDateTime.of(local, zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
