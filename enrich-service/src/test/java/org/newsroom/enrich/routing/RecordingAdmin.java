package org.newsroom.enrich.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaAdmin;

/** An admin without a broker: it records each call to create topics, and refuses the next one, or a topic, when told. */
public final class RecordingAdmin extends KafkaAdmin {

    public final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private volatile boolean refuseNext;
    private volatile String refused;

    public RecordingAdmin() {
        super(Map.of());
    }

    public void refuseNext() {
        refuseNext = true;
    }

    void refuse(String topic) {
        refused = topic;
    }

    @Override
    public void createOrModifyTopics(NewTopic... topics) {
        List<String> names = Arrays.stream(topics).map(NewTopic::name).toList();
        calls.add(names);
        if (refuseNext || names.contains(refused)) {
            refuseNext = false;
            throw new KafkaException("broker refused");
        }
    }
}
