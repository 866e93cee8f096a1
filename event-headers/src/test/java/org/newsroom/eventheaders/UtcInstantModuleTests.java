package org.newsroom.eventheaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.JacksonMapperUtils;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

class UtcInstantModuleTests {

    /** What Jackson reads without the module: the answers to keep. */
    private final JsonMapper standard = JsonMapper.builder().build();
    private final JsonMapper kafka = JacksonMapperUtils.enhancedJsonMapper();

    record Event(Instant at) {
    }

    @Test
    void kafkaMappersReadInstantsThroughTheModule() {
        assertThat(kafka.registeredModules()).anySatisfy(module -> assertThat(module).isInstanceOf(UtcInstantModule.class));
    }

    @Test
    void readsEveryUtcInstantWithAnyFractionAsJavaTimeDoes() {
        SplittableRandom random = new SplittableRandom(14);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            String written = DateTimeFormatter.ISO_INSTANT.format(instant); // as the services write them: 0, 3, 6 or 9 digits
            String cut = written.substring(0, 19) + fraction(instant.getNano(), random.nextInt(10)) + "Z";

            assertThat(UtcInstantModule.parse(written)).as(written).isEqualTo(Instant.parse(written));
            assertThat(UtcInstantModule.parse(cut)).as(cut).isEqualTo(Instant.parse(cut));
        }
        assertThat(UtcInstantModule.parse("2024-02-29T23:59:59.999999999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
        assertThat(UtcInstantModule.parse("0001-01-01T00:00:00Z")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void leavesEveryOtherFormToJacksonAndReadsItAsJacksonDoes() throws Exception {
        List<String> others = List.of("\"2019-05-06T12:00:00+02:00\"", "\"2019-05-06t12:00:00z\"", "1557144000",
                "1557144000.5", "\"2016-12-31T23:59:60Z\"", "\"2019-05-06T12:00:00.Z\"", "\"+12019-05-06T12:00:00Z\"",
                "\"2019-05-06T12:00:00.1234567890Z\"");
        for (String value : others) {
            String json = "{\"at\":" + value + "}";
            if (value.startsWith("\"")) {
                assertThat(UtcInstantModule.parse(value.substring(1, value.length() - 1))).as(value).isNull();
            }
            Object expected = readOrError(standard, json);
            assertThat(readOrError(kafka, json)).as(value).isEqualTo(expected);
        }
    }

    record Formatted(@JsonFormat(pattern = "dd.MM.yyyy HH:mm", timezone = "UTC") Instant at) {
    }

    @Test
    void aPropertyOrMapperThatConfiguresInstantsIsReadAsConfigured() throws Exception {
        String json = "{\"at\":\"2019-05-06T12:00:00.123456789Z\"}";
        JsonMapper truncating = JacksonMapperUtils.enhancedJsonMapper().rebuild()
                .enable(DateTimeFeature.TRUNCATE_TO_MSECS_ON_READ).build();
        JsonMapper truncatingStandard = JsonMapper.builder().enable(DateTimeFeature.TRUNCATE_TO_MSECS_ON_READ).build();

        assertThat(truncating.readValue(json, Event.class)).isEqualTo(truncatingStandard.readValue(json, Event.class))
                .isEqualTo(new Event(Instant.parse("2019-05-06T12:00:00.123Z")));
        String formatted = "{\"at\":\"06.05.2019 12:00\"}";
        assertThat(kafka.readValue(formatted, Formatted.class)).isEqualTo(standard.readValue(formatted, Formatted.class))
                .isEqualTo(new Formatted(Instant.parse("2019-05-06T12:00:00Z")));
    }

    @Test
    void aMalformedDateFailsAsItDidWithoutTheModule() {
        String json = "{\"at\":\"2019-02-30T12:00:00Z\"}";
        assertThat(UtcInstantModule.parse("2019-02-30T12:00:00Z")).isNull();
        assertThatThrownBy(() -> kafka.readValue(json, Event.class)).isInstanceOf(Exception.class)
                .hasMessageContaining("2019-02-30T12:00:00Z");
        assertThat(readOrError(kafka, json)).isEqualTo(readOrError(standard, json));
    }

    private static Object readOrError(JsonMapper mapper, String json) {
        return readOrError(mapper, json, Event.class);
    }

    private static Object readOrError(JsonMapper mapper, String json, Class<?> type) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    private static String fraction(int nanos, int digits) {
        if (digits == 0) {
            return "";
        }
        return "." + String.format("%09d", nanos).substring(0, digits);
    }
}
