package org.newsroom.enrich.deadletters;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;

/**
 * The cause a dead letter carries, the same on every dead-letter topic enrich-service writes: Spring Kafka's
 * {@code kafka_dlt-exception-*} headers (as {@link DeadLetterPublishingRecoverer} names them), with the message and
 * stack trace cut to a bound, since headers count towards the broker's record size limit, plus when it failed.
 */
public final class DeadLetterHeaders implements DeadLetterPublishingRecoverer.ExceptionHeadersCreator {

    /** When the record was given up, ISO-8601. */
    public static final String FAILED_AT = "newsroom-dlt-failed-at";

    /**
     * The Kafka Streams processor node that failed: the source node when the record did not deserialise, a sink
     * when one of its outputs could not be written.
     */
    public static final String PROCESSOR = "newsroom-dlt-processor";

    static final int MAX_MESSAGE = 1_000;
    static final int MAX_STACK_TRACE = 4_000;

    @Override
    public void create(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
        HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        Throwable root = rootCause(exception);
        replace(headers, isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), exception.getClass().getName());
        if (!isKey) {
            replace(headers, info.getExceptionCauseFqcn(), root.getClass().getName());
        }
        replace(headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(),
                bounded(message(exception, root), MAX_MESSAGE));
        replace(headers, isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(),
                bounded(stackTrace(exception), MAX_STACK_TRACE));
    }

    public static void addFailedAt(Headers headers, Instant when) {
        replace(headers, FAILED_AT, when.toString());
    }

    static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = "... (" + (text.length() - max) + " more characters)";
        return text.substring(0, max - cut.length()) + cut;
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The wrapper's message names where it failed (a listener, a processor), the root cause's what. */
    private static String message(Exception exception, Throwable root) {
        String message = String.valueOf(exception.getMessage());
        return root == exception ? message : message + "; caused by " + root;
    }

    private static String stackTrace(Throwable exception) {
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace, true));
        return trace.toString();
    }

    /** A record given up twice (replayed from its dead-letter topic, failed again) keeps only the latest cause. */
    private static void replace(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
