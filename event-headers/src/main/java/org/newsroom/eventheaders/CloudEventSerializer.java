package org.newsroom.eventheaders;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Writes a contract event as JSON (no Java type headers: the topic defines the type) with its CloudEvents
 * attributes in {@code ce_*} headers. Every producer of an article or alert topic uses it, Kafka Streams
 * included (it is given the record's headers). The official CloudEvents SDK serializer is not used because
 * it takes {@code CloudEvent} values, while the services send typed records. A tombstone (null) or any other
 * value has no event, so no {@code ce_*} headers, not even ones inherited from the record it was derived from.
 */
public class CloudEventSerializer<T> implements Serializer<T> {

    private final Serializer<T> body;
    private final boolean bodyFromConfig;

    /** The form a {@code value-serializer} property names; it takes the {@code spring.json.*} settings. */
    public CloudEventSerializer() {
        this.body = new JacksonJsonSerializer<>();
        this.bodyFromConfig = true;
    }

    /** Wraps a body serializer that is already set up (e.g. a Kafka Streams serde's). */
    public CloudEventSerializer(Serializer<T> body) {
        this.body = body;
        this.bodyFromConfig = false;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (bodyFromConfig) {
            // The topic defines the type: no Java class names on the wire unless a setting asks for them.
            Map<String, Object> settings = new HashMap<>(configs);
            settings.putIfAbsent(JacksonJsonSerializer.ADD_TYPE_INFO_HEADERS, false);
            body.configure(settings, isKey);
        } else {
            body.configure(configs, isKey);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return body.serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        if (headers != null) {
            CloudEventAttributes.of(data).ifPresentOrElse(attributes -> CloudEventHeaders.write(attributes, headers),
                    () -> CloudEventHeaders.clear(headers));
        }
        return body.serialize(topic, headers, data);
    }

    @Override
    public void close() {
        body.close();
    }
}
