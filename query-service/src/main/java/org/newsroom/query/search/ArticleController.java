package org.newsroom.query.search;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.newsroom.contracts.ninjs.NinjsRenderer;
import org.newsroom.query.indexing.ArticleDocument;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/articles/{id}} (JSON, or IPTC ninjs 3.1 by Accept or {@code ?format=ninjs}), {@code /api/articles/{id}/similar}, {@code /api/articles/{id}/duplicates} and {@code /api/stories/{id}}. */
@RestController
@RequestMapping("/api")
class ArticleController {

    /** The shape of article and story ids (the contracts' rule), checked before any request reaches the index. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    static final int MAX_SIMILAR = 50;
    static final int MAX_LIST_SIZE = 200;

    private static final MediaType NINJS = MediaType.parseMediaType(NinjsRenderer.MEDIA_TYPE);
    private static final NinjsRenderer RENDERER = new NinjsRenderer();

    private final ArticleLookup lookup;

    ArticleController(ArticleLookup lookup) {
        this.lookup = lookup;
    }

    @Operation(summary = "One article with its full text, tags, entities and duplicate decision")
    @GetMapping("/articles/{id}")
    ArticleDocument article(@PathVariable String id) throws IOException {
        return lookup.article(checked(id));
    }

    @Operation(summary = "One article as IPTC ninjs 3.1 (Accept: application/ninjs+json)")
    @GetMapping(value = "/articles/{id}", produces = NinjsRenderer.MEDIA_TYPE)
    ResponseEntity<String> ninjs(@PathVariable String id) throws IOException {
        return ResponseEntity.ok().contentType(NINJS)
                .body(RENDERER.render(lookup.article(checked(id)).ninjs()));
    }

    @Operation(summary = "One article as IPTC ninjs 3.1, for clients that cannot set Accept")
    @GetMapping(value = "/articles/{id}", params = "format=ninjs")
    ResponseEntity<String> ninjsByParameter(@PathVariable String id) throws IOException {
        return ninjs(id);
    }

    @Operation(summary = "Articles like this one (more-like-this on headline and text), its own copies left out")
    @GetMapping("/articles/{id}/similar")
    List<ArticleHit> similar(@PathVariable String id, @RequestParam(defaultValue = "10") int size) throws IOException {
        return lookup.similar(checked(id), bounded(size, MAX_SIMILAR));
    }

    @Operation(summary = "The article's duplicate group: its original and every republication, oldest first")
    @GetMapping("/articles/{id}/duplicates")
    DuplicateGroup duplicates(@PathVariable String id, @RequestParam(defaultValue = "100") int size) throws IOException {
        return lookup.duplicates(checked(id), bounded(size, MAX_LIST_SIZE));
    }

    @Operation(summary = "A story: all its articles oldest first, republications included, and its sources")
    @GetMapping("/stories/{id}")
    Story story(@PathVariable String id, @RequestParam(defaultValue = "100") int size) throws IOException {
        return lookup.story(checked(id), bounded(size, MAX_LIST_SIZE));
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidSearchException("ids are 1 to 128 letters, digits, '-' or '_'");
        }
        return id;
    }

    private static int bounded(int size, int max) {
        if (size < 1 || size > max) {
            throw new InvalidSearchException("size must be between 1 and " + max);
        }
        return size;
    }
}
