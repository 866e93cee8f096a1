package org.newsroom.ingest.cleaning;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The wire agencies we recognise, each under one canonical name (AP, AFP, Reuters, ...) whatever alias a
 * dateline, credit line or provider code uses.
 */
public final class WireAgencies {

    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias("AP", "ap", "the associated press", "associated press", "ap.org");
        alias("AFP", "afp", "agence france-presse", "agence france presse", "afp.com");
        alias("Reuters", "reuters", "reuter", "thomson reuters", "reuters.com");
        alias("dpa", "dpa", "deutsche presse-agentur", "dpa.com");
        alias("ANSA", "ansa", "ansa.it");
        alias("EFE", "efe", "agencia efe");
        alias("AAP", "aap", "australian associated press");
        alias("PA", "pa", "pa media", "press association");
        alias("NTB", "ntb", "norsk telegrambyrå");
        alias("TT", "tt", "tt nyhetsbyrån");
        alias("STT", "stt", "stt-info");
        alias("Ritzau", "ritzau");
        alias("CP", "cp", "the canadian press", "canadian press");
        alias("UPI", "upi", "united press international");
        alias("Xinhua", "xinhua");
        alias("Kyodo", "kyodo");
        alias("ANP", "anp");
        alias("Bloomberg", "bloomberg");
        alias("IANS", "ians");
        alias("PTI", "pti");
    }

    private WireAgencies() {
    }

    private static void alias(String canonical, String... aliases) {
        for (String alias : aliases) {
            ALIASES.put(alias, canonical);
        }
    }

    /** The canonical agency an exact name or alias stands for, e.g. {@code Agence France-Presse} -> AFP. */
    public static Optional<String> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("nprov:")) {
            key = key.substring("nprov:".length());
        }
        return Optional.ofNullable(ALIASES.get(key));
    }

    /** The agency named in a credit such as {@code AP/Reuters} or {@code Reuters, AFP}: the first one known. */
    public static Optional<String> firstNamedIn(String credit) {
        for (String part : credit.split("[/,;&]|\\band\\b")) {
            Optional<String> agency = named(part.replaceAll("[()\\[\\]©.]", " ").replaceAll("\\d{4}", "").strip());
            if (agency.isPresent()) {
                return agency;
            }
        }
        return Optional.empty();
    }
}
