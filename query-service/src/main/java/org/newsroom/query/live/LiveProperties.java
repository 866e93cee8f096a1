package org.newsroom.query.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of live streams ({@code live.*}, or {@code LIVE_*} in the environment).
 *
 * @param maxStreams          the most streams open at once; one more is refused with 503
 * @param heartbeat           how often an idle stream sends a comment, which keeps proxies from closing it and
 *                            reveals a client that went away
 * @param timeout             how long one stream lasts; browsers' EventSource reconnects by itself afterwards
 * @param queueSize           articles buffered per stream; a client further behind than that is disconnected
 * @param maxStreamsPerClient the most streams one client (its user name when authenticated, else its address)
 *                            holds at once; one more is refused with 429
 * @param sendTimeout         how long one write to a client may block before its stream is dropped
 */
@ConfigurationProperties("live")
public record LiveProperties(
        @DefaultValue("100") int maxStreams,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("256") int queueSize,
        @DefaultValue("10") int maxStreamsPerClient,
        @DefaultValue("10s") Duration sendTimeout) {
}
