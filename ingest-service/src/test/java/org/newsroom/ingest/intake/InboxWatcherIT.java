package org.newsroom.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.identity.ArticleIds;
import org.newsroom.ingest.publishing.RawTopic;
import org.newsroom.ingest.publishing.RawTopic.Received;
import org.newsroom.localstack.LocalEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class InboxWatcherIT {

    @TempDir
    static Path feed;

    @DynamicPropertySource
    static void realBrokerAndTemporaryInbox(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", LocalEngines::kafkaBootstrapServers);
        registry.add("ingest.inbox", () -> feed.resolve("inbox").toString());
        registry.add("ingest.done", () -> feed.resolve("done").toString());
        registry.add("ingest.failed", () -> feed.resolve("failed").toString());
        registry.add("ingest.folder-source", () -> "inbox-it");
        registry.add("ingest.recursive", () -> "true");
        registry.add("ingest.quiet-period", () -> "200ms");
        registry.add("ingest.scan-interval", () -> "200ms");
        registry.add("ingest.max-file-size", () -> "64KB");
    }

    @Test
    void publishesEveryGoodFileAndQuarantinesEachBadOneWithItsReason() throws IOException {
        Path inbox = feed.resolve("inbox");
        Files.createDirectories(inbox.resolve("wires"));
        Files.writeString(inbox.resolve("pompeo.txt"), "Pompeo and Lavrov to meet\n\nThe top diplomats will meet next week.");
        Files.writeString(inbox.resolve("wires/markets.txt"), "Markets rally\n\nShares rose on Friday in Tokyo.");
        Files.writeString(inbox.resolve("blank.txt"), "  \n\n  ");
        Files.write(inbox.resolve("huge.txt"), new byte[100_000]);
        Path outside = Files.writeString(feed.resolve("outside.txt"), "Secret\n\nNot for the inbox.");
        Files.createSymbolicLink(inbox.resolve("link.txt"), outside);

        List<Received> received = RawTopic.awaitRecords(LocalEngines.kafkaBootstrapServers(),
                record -> record.article().source().name().equals("inbox-it"), 2);

        assertThat(received).extracting(record -> record.article().headline())
                .containsExactlyInAnyOrder("Pompeo and Lavrov to meet", "Markets rally");
        assertThat(received).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(record.article().articleId());
            assertThat(record.article().source().kind()).isEqualTo(SourceKind.folder);
        });
        assertThat(received).extracting(record -> record.article().source().uri())
                .containsExactlyInAnyOrder("pompeo.txt", "wires/markets.txt");
        assertThat(received).extracting(Received::key).contains(ArticleIds.fromContent("inbox-it",
                "Pompeo and Lavrov to meet", List.of("The top diplomats will meet next week.")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(feed.resolve("done/pompeo.txt")).exists();
            assertThat(feed.resolve("done/wires/markets.txt")).exists();
            assertThat(feed.resolve("failed/blank.txt.error")).content().isNotBlank();
            assertThat(feed.resolve("failed/huge.txt.error")).content().contains("larger than the limit of 65536 bytes");
            assertThat(feed.resolve("failed/link.txt.error")).content().contains("symbolic link");
        });
        assertThat(Files.isSymbolicLink(feed.resolve("failed/link.txt"))).isTrue();
        assertThat(outside).exists();
        try (var left = Files.list(inbox)) {
            // .claimed holds files while this instance takes them (shared inboxes); nothing is left in it
            assertThat(left.filter(path -> !path.getFileName().toString().equals(".claimed"))).containsExactly(inbox.resolve("wires"));
        }
        try (var claimed = Files.walk(inbox.resolve(".claimed"))) {
            assertThat(claimed.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
