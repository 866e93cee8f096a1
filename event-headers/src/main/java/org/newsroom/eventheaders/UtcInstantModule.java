package org.newsroom.eventheaders;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads the instants of event JSON without java.time's general formatter when they are written as every service
 * writes them: ISO-8601 in UTC, {@code 2019-05-06T12:00:00Z} with 0 to 9 digits of fraction. Jackson's own
 * {@link InstantDeserializer} parses each through {@code DateTimeFormatter.ISO_INSTANT}, which builds a map of fields
 * per value: 2.2% of enrich-service's CPU in the benchmark (JFR, 4 December 2026), for the five or so instants of
 * every article read from {@code articles.raw.v1} and from its own internal records. Anything else (an offset, lower
 * case, a leap second, a number of seconds, a malformed date) goes to Jackson's deserializer: every value reads as
 * it did, and every error is the one it was. So does every property or mapper that configures how instants are read
 * (a {@code @JsonFormat}, a leniency, truncation to milliseconds).
 *
 * <p>A Jackson module found on the classpath ({@code META-INF/services}): spring-kafka's mappers add it, as they add
 * Blackbird.
 */
public final class UtcInstantModule extends SimpleModule {

    private static final int SHORTEST = "2019-05-06T12:00:00Z".length();

    public UtcInstantModule() {
        super("newsroom-utc-instants");
        addDeserializer(Instant.class, new Deserializer());
    }

    /**
     * The instant {@code text} writes, or null when it is not a plain UTC instant as above (the caller then parses it
     * the general way, which also reports what is wrong with it).
     */
    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length > SHORTEST + 10 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > SHORTEST) {
            int digits = length - SHORTEST - 1; // between the '.' and the 'Z'
            if (text.charAt(19) != '.' || digits == 0 || (nanos = digits(text, 20, 20 + digits)) < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null; // February 30th and the like: the general parser says so
        }
    }

    /** The decimal number at [from, to), or -1 if a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class Deserializer extends StdDeserializer<Instant> {

        Deserializer() {
            super(Instant.class);
        }

        /** Jackson's own deserializer wherever a format, leniency or the like is configured: it then reads as set. */
        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            ValueDeserializer<?> standard = InstantDeserializer.INSTANT.createContextual(context, property);
            return standard == InstantDeserializer.INSTANT ? this : standard;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !context.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_READ)) {
                Instant instant = parse(parser.getString());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
