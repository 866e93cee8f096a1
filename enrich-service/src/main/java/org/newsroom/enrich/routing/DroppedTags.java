package org.newsroom.enrich.routing;

import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.newsroom.contracts.Tag;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The header by which the version gate tells {@code memory-publish} which tags an article no longer carries: those
 * of its previous version missing from a correction, or all of them on a kill's tombstone (which has no value to
 * read tags from). {@code memory-publish} tombstones their topics, after its copies, so subscribers see the removal
 * last.
 */
public final class DroppedTags {

    public static final String HEADER = "newsroom-dropped-tags";

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<List<Tag>> TAGS = new TypeReference<>() {
    };

    private DroppedTags() {
    }

    public static byte[] encoded(List<Tag> tags) {
        return JSON.writeValueAsBytes(tags);
    }

    /** The dropped tags a record names; none when it has no such header. */
    public static List<Tag> of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null || header.value() == null ? List.of() : JSON.readValue(header.value(), TAGS);
    }
}
