package org.newsroom.enrich.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RoutingPropertiesTests {

    @Test
    void aBatchIsAtMostTwoHundredRecordsUnlessSetOtherwise() {
        assertThat(bind(Map.of()).maxBatch()).isEqualTo(200);
        assertThat(bind(Map.of("enrich.routing.max-batch", "50")).maxBatch()).isEqualTo(50);
    }

    private static RoutingProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("enrich.routing", Bindable.of(RoutingProperties.class));
    }
}
