package org.newsroom.ingest.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances sharing one inbox take files ({@code ingest.claims.*}, or {@code INGEST_CLAIMS_*}).
 *
 * @param instance   this instance's name, unique among those watching the inbox (its claims folder is
 *                   {@code .claimed/<instance>}); a restarted instance under the same name resumes its claims
 * @param staleAfter how long an instance's claims folder may go untouched (a live one touches it on every scan)
 *                   before the others hand its files back to the inbox; far longer than a scan takes
 */
@ConfigurationProperties("ingest.claims")
public record InboxClaims(@DefaultValue("local") String instance, @DefaultValue("2m") Duration staleAfter) {

    static InboxClaims single() {
        return new InboxClaims("local", Duration.ofMinutes(2));
    }
}
