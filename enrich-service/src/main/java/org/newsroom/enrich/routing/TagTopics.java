package org.newsroom.enrich.routing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.newsroom.contracts.Topics;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the per-tag topics on first use (the broker may refuse auto-creation, and a Streams producer sending to a
 * missing topic fails its task), all those a call names in one admin call, outside any transaction; a topic is asked
 * for again only if its creation failed. So each tag costs one admin round trip per instance, on its first record.
 */
public class TagTopics {

    private final KafkaAdmin admin;
    private final int partitions;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public TagTopics(KafkaAdmin admin, int partitions) {
        this.admin = admin;
        this.partitions = partitions;
    }

    public void ensure(List<String> topics) {
        List<String> missing = topics.stream().filter(topic -> !created.contains(topic)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        admin.createOrModifyTopics(missing.stream().map(this::newTopic).toArray(NewTopic[]::new));
        created.addAll(missing);
    }

    private NewTopic newTopic(String topic) {
        return TopicBuilder.name(topic).partitions(partitions).configs(Topics.topicConfig()).build();
    }
}
