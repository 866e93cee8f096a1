package org.newsroom.eventheaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.JacksonMapperUtils;
import tools.jackson.core.Version;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Every service's Kafka serializers and deserializers build their mapper with spring-kafka's
 * {@code enhancedJsonMapper}, which adds the Jackson modules on the classpath: Blackbird must be among them, or
 * every event field is read and written by reflection again (CloudEventSerializerTests holds the bytes unchanged).
 */
class EventJsonTests {

    @Test
    void kafkaMappersAccessEventFieldsThroughBlackbirdNotReflection() {
        assertThat(JacksonMapperUtils.enhancedJsonMapper().registeredModules())
                .anySatisfy(module -> assertThat(module).isInstanceOf(BlackbirdModule.class));
    }

    @Test
    void blackbirdIsTheReleaseLineOfTheJacksonBootBrings() {
        // The root pom pins Blackbird (the registry lacks Boot's exact patch release): when Boot moves Jackson to a
        // new minor release, move the pin with it.
        Version blackbird = new BlackbirdModule().version();
        Version databind = JsonMapper.builder().build().version();

        assertThat(List.of(blackbird.getMajorVersion(), blackbird.getMinorVersion()))
                .isEqualTo(List.of(databind.getMajorVersion(), databind.getMinorVersion()));
    }
}
