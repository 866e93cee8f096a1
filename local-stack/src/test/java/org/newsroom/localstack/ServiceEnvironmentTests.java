package org.newsroom.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTests {

    private final ServiceEnvironment stack = new ServiceEnvironment("127.0.0.1:9092", "http://127.0.0.1:9200",
            new InboxFolders(Path.of("/srv/news/feed")), Path.of("/srv/news/enrich-state"), "stack-key");

    @Test
    void theServicesAreToldTheEnginesTheFeedFoldersTheStateFolderAndTheKey() {
        assertThat(stack.variables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                "ELASTICSEARCH_URL", "http://127.0.0.1:9200",
                "INGEST_INBOX", "/srv/news/feed/inbox",
                "INGEST_DONE", "/srv/news/feed/done",
                "INGEST_FAILED", "/srv/news/feed/failed",
                "ENRICH_STATE_DIR", "/srv/news/enrich-state",
                "NEWSROOM_API_KEY", "stack-key"));
    }

    @Test
    void aUsersOwnFolderWinsButTheEnginesAndTheKeyAreAlwaysTheStacks() {
        Map<String, String> env = stack.keepingUserFolders(Map.of("INGEST_INBOX", "/mnt/drop", "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092",
                "NEWSROOM_API_KEY", "old-key", "PATH", "/usr/bin"));

        assertThat(env).containsEntry("INGEST_INBOX", "/mnt/drop").containsEntry("INGEST_DONE", "/srv/news/feed/done")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092").containsEntry("NEWSROOM_API_KEY", "stack-key")
                .containsEntry("PATH", "/usr/bin");
    }

    @Test
    void anAddedSettingWinsOverTheCommonOnes() {
        assertThat(stack.with(Map.of("ENRICH_STATE_DIR", "/tmp/one", "ALERTS_WEBHOOK_ALLOW", "10.0.0.1/32")))
                .containsEntry("ENRICH_STATE_DIR", "/tmp/one").containsEntry("ALERTS_WEBHOOK_ALLOW", "10.0.0.1/32")
                .containsEntry("INGEST_INBOX", "/srv/news/feed/inbox");
    }

    @Test
    void servicesAreNeverStartedWithoutAKey() {
        assertThatThrownBy(() -> new ServiceEnvironment("k:9092", "http://e:9200", new InboxFolders(Path.of("feed")), Path.of("state"), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("no default key");
    }
}
