package org.newsroom.enrich.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IPTC Media Topics tree (CC BY 4.0, IPTC), read from IPTC's own JSON export: active concepts only,
 * each with its parent from {@code broader}.
 */
public final class MediaTopics {

    public static final String SCHEME = "iptc-mediatopic";
    public static final String RESOURCE = "tagging/iptc-mediatopics-en-US.json";
    private static final String URI_PREFIX = "http://cv.iptc.org/newscodes/mediatopic/";

    /** One concept: {@code id} is its qcode, e.g. {@code medtop:20000639}; {@code broader} may be null. */
    public record Concept(String id, String label, String broader) {
    }

    private final Map<String, Concept> concepts;

    private MediaTopics(Map<String, Concept> concepts) {
        // In the file's order: Map.copyOf iterates in an order that changes with every JVM, and so did the order
        // of equally scored label tags.
        this.concepts = Collections.unmodifiableMap(new LinkedHashMap<>(concepts));
    }

    public static MediaTopics bundled() {
        try (InputStream in = MediaTopics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MediaTopics read(InputStream json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        Map<String, Concept> concepts = new LinkedHashMap<>();
        for (JsonNode c : root.get("conceptSet")) {
            if (c.has("retired")) {
                continue;
            }
            String broader = c.has("broader") ? "medtop:" + c.get("broader").get(0).asString().replace(URI_PREFIX, "")
                    : null;
            concepts.put(c.get("qcode").asString(),
                    new Concept(c.get("qcode").asString(), c.get("prefLabel").get("en-US").asString(), broader));
        }
        return new MediaTopics(concepts);
    }

    public Optional<Concept> concept(String id) {
        return Optional.ofNullable(concepts.get(id));
    }

    public Collection<Concept> concepts() {
        return concepts.values();
    }

    /** The concept's ancestors, nearest first; stops at a parent that is retired or unknown. */
    public List<Concept> ancestors(String id) {
        List<Concept> chain = new ArrayList<>();
        Concept c = concepts.get(id);
        while (c != null && c.broader() != null && concepts.containsKey(c.broader()) && chain.size() < 10) {
            c = concepts.get(c.broader());
            chain.add(c);
        }
        return chain;
    }
}
