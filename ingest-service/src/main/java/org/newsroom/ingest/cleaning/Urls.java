package org.newsroom.ingest.cleaning;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Canonical article URLs: the same story reached through a newsletter, a social post or an ad has the
 * same URL, so tracking parameters go, scheme and host are lowercased, default ports and fragments dropped.
 * Only absolute http(s) URLs are kept: a {@code javascript:} or {@code data:} URL, or a relative path, would
 * become a link on every page that shows the article, so it is dropped rather than stored.
 */
public final class Urls {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid",
            "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "ncid", "sr_share", "smid", "smtyp", "ref_src",
            "ref_url", "wt.mc_id", "spm", "mkt_tok", "vero_id", "__twitter_impression", "s_cid", "ito");

    private Urls() {
    }

    /** The canonical form, or null when the input is not a parseable absolute http or https URL. */
    public static String canonical(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
            String query = query(uri.getRawQuery());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 || defaultPort ? "" : ":" + port)
                    + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return Arrays.stream(raw.split("&"))
                .filter(pair -> !pair.isEmpty() && !tracking(pair.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("&"));
    }

    private static boolean tracking(String name) {
        return name.startsWith("utm_") || name.startsWith("hsa_") || TRACKING.contains(name);
    }
}
