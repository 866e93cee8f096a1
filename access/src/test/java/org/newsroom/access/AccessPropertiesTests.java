package org.newsroom.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPropertiesTests {

    @Test
    void refusesAKeyShortEnoughToGuess() {
        assertThatThrownBy(() -> new AccessProperties.ApiKey("desk", "change-me", null, Set.of(Role.ingest), List.of("desk")))
                .hasMessageContaining("shorter than 16");
        assertThatThrownBy(() -> new AccessProperties("secret", List.of(), AccessProperties.Reads.open, null))
                .hasMessageContaining("NEWSROOM_API_KEY");
    }

    @Test
    void needsExactlyOneOfKeyAndDigest() {
        assertThatThrownBy(() -> new AccessProperties.ApiKey("desk", null, null, Set.of(), List.of()))
                .hasMessageContaining("exactly one of key and sha256");
    }

    @Test
    void neverShowsAKeyInItsText() {
        AccessProperties properties = new AccessProperties("local-key-0123456789abcdef",
                List.of(new AccessProperties.ApiKey("desk", "desk-key-0123456789abcdef", null, Set.of(Role.ingest), List.of("desk"))),
                AccessProperties.Reads.open, null);

        assertThat(properties.toString()).doesNotContain("local-key").doesNotContain("desk-key").contains("desk");
    }

    @Test
    void matchesAKeyGivenOnlyByItsDigest() {
        ApiKeys keys = new ApiKeys(List.of(new AccessProperties.ApiKey("reader", null, AccessTests.READER_KEY_SHA256,
                Set.of(Role.read), List.of())));

        assertThat(keys.match(AccessTests.READER_KEY)).map(AccessProperties.ApiKey::name).contains("reader");
        assertThat(keys.match(AccessTests.READER_KEY + "x")).isEmpty();
    }
}
