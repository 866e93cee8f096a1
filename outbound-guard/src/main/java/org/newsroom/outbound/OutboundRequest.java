package org.newsroom.outbound;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** One request of an exchange, as {@link GuardedHttp} sends it and re-sends it to a redirect's target. */
record OutboundRequest(String method, URI uri, byte[] body, String contentType, Map<String, String> headers) {

    /** 307 and 308 repeat the request; the others become a GET. Credentials never go to another origin. */
    OutboundRequest redirectedTo(URI target, int status) {
        boolean sameOrigin = uri.getScheme().equalsIgnoreCase(target.getScheme())
                && uri.getHost().equalsIgnoreCase(target.getHost()) && uri.getPort() == target.getPort();
        Map<String, String> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        kept.putAll(headers);
        if (!sameOrigin) {
            kept.remove("Authorization");
            kept.remove("Cookie");
        }
        boolean repeat = status == 307 || status == 308;
        return repeat ? new OutboundRequest(method, target, body, contentType, kept)
                : new OutboundRequest("GET", target, null, null, kept);
    }
}
