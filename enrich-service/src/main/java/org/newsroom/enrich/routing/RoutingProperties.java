package org.newsroom.enrich.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tag router's Kafka edge ({@code enrich.routing.*}, or {@code ENRICH_ROUTING_*} in the environment).
 * Which tags get a topic is tagging's setting ({@code enrich.tagging.routed-tags}).
 *
 * @param maxBatch the most records one poll hands the router ({@code max.poll.records}), and so the most one
 *                 transaction carries. A transaction's fixed cost (a round trip to begin it, one to commit it, a
 *                 commit marker in every partition it wrote) is then shared by up to this many records while the
 *                 router catches up; it also bounds how long a catching-up router keeps copies invisible to
 *                 read_committed subscribers and what is sent again after a failed transaction
 */
@ConfigurationProperties("enrich.routing")
record RoutingProperties(@DefaultValue("200") int maxBatch) {

    RoutingProperties {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("enrich.routing.max-batch must be at least 1, was " + maxBatch);
        }
    }
}
