package org.newsroom.enrich.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;

class BatchSendsTests {

    private final BatchSends sends = new BatchSends();

    @Test
    void blamesTheFirstRecordWhoseSendFailedRatherThanALaterOneWhoseSendThrew() {
        RecordTooLargeException tooLarge = new RecordTooLargeException("too large");
        sends.sending(0);
        sends.sent(CompletableFuture.completedFuture("copied"));
        sends.sending(1);
        sends.sent(CompletableFuture.failedFuture(new KafkaException("Send failed", tooLarge)));
        sends.sending(2);

        BatchSends.Failure failure = sends.failure(new KafkaException("previous transactional request has failed"));

        assertThat(failure.record()).isEqualTo(1);
        assertThat(failure.cause()).hasCause(tooLarge);
    }

    @Test
    void blamesTheRecordWhoseSendThrewWhenNoEarlierSendFailed() {
        KafkaException thrown = new KafkaException("cannot serialise");
        sends.sending(0);
        sends.sent(CompletableFuture.completedFuture("copied"));
        sends.sending(1);

        assertThat(sends.failure(thrown)).isEqualTo(new BatchSends.Failure(1, thrown));
    }

    @Test
    void blamesNoRecordForSendsThatWereOnlyAbortedWithTheTransaction() {
        KafkaException commitFailed = new KafkaException("commit failed");
        sends.sending(0);
        sends.sent(CompletableFuture.failedFuture(new TransactionAbortedException("aborted")));
        sends.sending(1);
        sends.sent(CompletableFuture.failedFuture(new KafkaException("Send failed", new TransactionAbortedException("x"))));
        sends.allSent();

        assertThat(sends.failure(commitFailed)).isEqualTo(new BatchSends.Failure(0, commitFailed));
    }
}
