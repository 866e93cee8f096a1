package org.newsroom.enrich.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagTopicsTests {

    private final RecordingAdmin admin = new RecordingAdmin();
    private final TagTopics topics = new TagTopics(admin, 3);

    @Test
    void createsEachTopicOnFirstUseOnly() {
        topics.ensure(List.of("articles.tag.venezuela.v1", "articles.tag.russia.v1"));
        topics.ensure(List.of("articles.tag.venezuela.v1"));
        topics.ensure(List.of("articles.tag.russia.v1", "articles.tag.crude.v1", "articles.tag.crude.v1"));
        topics.ensure(List.of());

        assertThat(admin.calls).containsExactly(List.of("articles.tag.venezuela.v1", "articles.tag.russia.v1"),
                List.of("articles.tag.crude.v1"));
    }

    @Test
    void asksAgainForATopicTheBrokerRefusedToCreate() {
        admin.refuseNext();
        assertThat(catchRuntimeException(() -> topics.ensure(List.of("articles.tag.venezuela.v1")))).isNotNull();

        topics.ensure(List.of("articles.tag.venezuela.v1"));

        assertThat(admin.calls).containsExactly(List.of("articles.tag.venezuela.v1"), List.of("articles.tag.venezuela.v1"));
    }
}
