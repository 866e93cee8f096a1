package org.newsroom.query.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.newsroom.contracts.Extraction;
import org.newsroom.outbound.Destinations;
import org.newsroom.outbound.RefusedDestinationException;
import org.newsroom.query.language.FilterValues;
import org.newsroom.query.language.SearchFilters;

/**
 * The body of {@code POST /api/alerts}. A saved search needs a name and at least a query or one filter;
 * the webhook, when given, is an absolute http(s) URL.
 */
public record AlertRequest(String name, String query, String tag, String source, String agency, String language,
                           String extraction, Double extractionConfidenceBelow, String webhook) {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_QUERY_LENGTH = 1000;
    static final int MAX_FILTER_LENGTH = 200;
    static final int MAX_WEBHOOK_LENGTH = 2000;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** The alert this request describes, or {@link InvalidAlertException} listing every problem found. */
    Alert toAlert(String id, Instant createdAt, String owner) {
        List<String> problems = new ArrayList<>();
        String cleanName = checked("name", name, MAX_NAME_LENGTH, problems);
        int problemsBefore = problems.size();
        String cleanQuery = checked("query", query, MAX_QUERY_LENGTH, problems);
        // The text filters first, then the extraction ones: problems are listed in the order the fields are.
        FilterValues text = new FilterValues(tag, source, agency, language, null, null)
                .withText((field, value) -> checked(field, value, MAX_FILTER_LENGTH, problems));
        Extraction.Method method = valid(() -> SearchFilters.extractionMethod(extraction), problems);
        Double confidenceBelow = valid(() -> SearchFilters.extractionConfidenceBelow(extractionConfidenceBelow),
                problems);
        FilterValues filters = new FilterValues(text.tag(), text.source(), text.agency(), text.language(), method,
                confidenceBelow);
        // A refused value is left out but was given all the same: only a request that gave none is told to give one.
        boolean nothingGiven = cleanQuery == null && filters.isEmpty() && problems.size() == problemsBefore;
        URI hook = webhook(checked("webhook", webhook, MAX_WEBHOOK_LENGTH, problems), problems);
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        }
        if (nothingGiven) {
            problems.add("a query or at least one of " + String.join(", ", FilterValues.NAMES) + " is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidAlertException(problems);
        }
        return new Alert(id, cleanName, cleanQuery, filters, hook, createdAt, owner);
    }

    private static <T> T valid(Supplier<T> reading, List<String> problems) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /**
     * Refuses a webhook the outbound guard would never call (an internal address, a host that does not resolve), so
     * the user hears of it now rather than from a log line at the first match. A malformed one is left to
     * {@link #toAlert}, which lists it with the other problems.
     */
    void checkWebhookDestination(Destinations destinations) {
        URI hook = webhook(checked("webhook", webhook, MAX_WEBHOOK_LENGTH, new ArrayList<>()), new ArrayList<>());
        if (hook == null) {
            return;
        }
        try {
            destinations.check(hook);
        } catch (RefusedDestinationException e) {
            throw new InvalidAlertException(List.of("webhook " + e.getMessage() + "; allow it with alerts.webhook-allow"));
        } catch (UnknownHostException e) {
            throw new InvalidAlertException(List.of("webhook host " + hook.getHost() + " does not resolve"));
        }
    }

    private static String checked(String field, String value, int maxLength, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength || CONTROL.matcher(stripped).find()) {
            problems.add(field + " is too long or has control characters");
            return null;
        }
        return stripped;
    }

    private static URI webhook(String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // reported below, like any other unusable URL
        }
        problems.add("webhook must be an absolute http or https URL");
        return null;
    }
}
