package org.newsroom.ingest.intake;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id an article carries from intake to its search document: the caller's own when it sent a
 * usable one (an {@code X-Correlation-Id} request header), else a new random one. A usable id is 1 to 64
 * letters, digits, dots, dashes, underscores or colons: it goes into headers, logs and an index field as is.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationIds() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }

    /** {@code requested} when usable, else a new id. */
    public static String requestedOrNext(String requested) {
        return isUsable(requested) ? requested : next();
    }

    public static boolean isUsable(String requested) {
        return requested != null && USABLE.matcher(requested).matches();
    }
}
