package org.newsroom.query.web;

import java.util.regex.Pattern;

/**
 * Which article URLs the API hands out: only absolute {@code http}/{@code https} ones with a host. A URL comes
 * from a feed, and a page that makes a {@code javascript:} or {@code data:} URL a link runs it; so hits, article
 * lookups and live payloads drop any other URL rather than pass it on. Plain Java, shared by all three.
 */
public final class Links {

    // No whitespace or control characters anywhere: browsers strip some of them, which could change the scheme.
    private static final Pattern HTTP = Pattern.compile("(?i)https?://[^/?#\\\\\\s\\p{Cntrl}][^\\s\\p{Cntrl}]*");

    private Links() {
    }

    public static boolean isHttp(String url) {
        return url != null && HTTP.matcher(url).matches();
    }
}
