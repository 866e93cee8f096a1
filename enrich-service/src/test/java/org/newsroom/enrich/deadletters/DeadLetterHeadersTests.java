package org.newsroom.enrich.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.newsroom.enrich.KafkaRecords;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;

class DeadLetterHeadersTests {

    private final DeadLetterHeaders creator = new DeadLetterHeaders();

    @Test
    void boundsTheMessageAndStackTraceSoADeadLetterStaysUnderTheRecordSizeLimit() {
        Headers headers = new RecordHeaders();

        creator.create(headers, new IllegalArgumentException("x".repeat(50_000), deep(500)), false, names());

        assertThat(KafkaRecords.header(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).hasSize(DeadLetterHeaders.MAX_MESSAGE)
                .endsWith(" more characters)");
        assertThat(KafkaRecords.header(headers, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).hasSize(DeadLetterHeaders.MAX_STACK_TRACE)
                .startsWith("java.lang.IllegalArgumentException: xxx");
        assertThat(KafkaRecords.header(headers, KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(KafkaRecords.header(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void keepsOnlyTheLatestCauseOfARecordGivenUpTwice() {
        Headers headers = new RecordHeaders();

        creator.create(headers, new IllegalStateException("first"), false, names());
        creator.create(headers, new IllegalStateException("second"), false, names());

        assertThat(headers.headers(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).hasSize(1);
        assertThat(KafkaRecords.header(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo("second");
    }

    private static Throwable deep(int depth) {
        return depth == 0 ? new IllegalStateException("root") : deep(depth - 1);
    }

    private static DeadLetterPublishingRecoverer.HeaderNames names() {
        return DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
                .offsetHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                .timestampHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP)
                .timestampTypeHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE)
                .topicHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)
                .partitionHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)
                .consumerGroupHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)
                .exception()
                .keyExceptionFqcn(KafkaHeaders.DLT_KEY_EXCEPTION_FQCN)
                .exceptionFqcn(KafkaHeaders.DLT_EXCEPTION_FQCN)
                .exceptionCauseFqcn(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)
                .keyExceptionMessage(KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE)
                .exceptionMessage(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                .keyExceptionStacktrace(KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE)
                .exceptionStacktrace(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)
                .build();
    }
}
