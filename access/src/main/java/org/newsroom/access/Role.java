package org.newsroom.access;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a principal may do. Writes always need the matching role; reads need {@link #read} only when
 * {@code newsroom.security.reads} is {@code protected}.
 */
public enum Role {
    /** Push articles, corrections and kills ({@code POST /api/articles}) for the sources the principal may write. */
    ingest,
    /** Create, list and delete its own saved searches. */
    alerts,
    /** Search, read articles and open live streams when reads are protected. */
    read,
    /** Scrape {@code /actuator/prometheus} and read {@code /actuator/metrics}: what a Prometheus server's key gets. */
    metrics,
    /** Operate the service: health details, every actuator endpoint, every principal's saved searches. */
    admin;

    /** The authority Spring Security checks for this role ({@code ROLE_ingest}). */
    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
