package org.newsroom.eventheaders;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents binary mode over Kafka (Kafka protocol binding 1.0): each attribute is a header named
 * {@code ce_<attribute>} holding its UTF-8 text, and the body's media type is the {@code content-type} header.
 */
public final class CloudEventHeaders {

    public static final String PREFIX = "ce_";
    /** The prefix of the same attributes in HTTP headers (CloudEvents HTTP protocol binding, binary mode). */
    public static final String HTTP_PREFIX = "ce-";
    public static final String SPEC_VERSION = PREFIX + "specversion";
    public static final String ID = PREFIX + "id";
    public static final String SOURCE = PREFIX + "source";
    public static final String TYPE = PREFIX + "type";
    public static final String TIME = PREFIX + "time";
    public static final String SUBJECT = PREFIX + "subject";
    /** Extension attribute: CloudEvents names are lower-case letters and digits only. */
    public static final String CORRELATION_ID = PREFIX + "correlationid";
    public static final String CONTENT_TYPE = "content-type";

    private static final List<String> ALL = List.of(SPEC_VERSION, ID, SOURCE, TYPE, TIME, SUBJECT, CORRELATION_ID,
            CONTENT_TYPE);

    private CloudEventHeaders() {
    }

    /** The headers of {@code attributes}, in a stable order; absent optional attributes are left out. */
    public static Map<String, String> of(CloudEventAttributes attributes) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        headers.put(ID, attributes.id());
        headers.put(SOURCE, attributes.source());
        headers.put(TYPE, attributes.type());
        putIfPresent(headers, TIME, attributes.time() == null ? null : attributes.time().toString());
        putIfPresent(headers, SUBJECT, attributes.subject());
        putIfPresent(headers, CORRELATION_ID, attributes.correlationId());
        headers.put(CONTENT_TYPE, CloudEventAttributes.CONTENT_TYPE);
        return headers;
    }

    /**
     * The same attributes as HTTP headers in the CloudEvents HTTP binary mode ({@code ce-id}, {@code ce-type}, ...):
     * a webhook POST whose JSON body is the event is then a CloudEvent too. The content type is the request's own.
     */
    public static Map<String, String> http(CloudEventAttributes attributes) {
        Map<String, String> headers = new LinkedHashMap<>();
        of(attributes).forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                headers.put(HTTP_PREFIX + name.substring(PREFIX.length()), value);
            }
        });
        return headers;
    }

    /**
     * Replaces whatever CloudEvents headers the record had with {@code attributes}': a Kafka Streams output
     * record inherits its input's headers, which describe a different event.
     */
    public static void write(CloudEventAttributes attributes, Headers headers) {
        clear(headers);
        of(attributes).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Removes every CloudEvents header, e.g. from a tombstone that inherited its input record's. */
    public static void clear(Headers headers) {
        ALL.forEach(headers::remove);
    }

    /** The text of the last header named {@code name}, if any. */
    public static Optional<String> read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }
}
