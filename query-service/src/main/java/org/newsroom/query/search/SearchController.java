package org.newsroom.query.search;

import java.io.IOException;
import org.newsroom.query.QueryProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search?q=&from=&size=}: the search API's stable entry point. */
@RestController
@RequestMapping("/api")
class SearchController {

    private static final int MAX_QUERY_LENGTH = 1000;

    private final ArticleSearch search;
    private final QueryProperties properties;

    SearchController(ArticleSearch search, QueryProperties properties) {
        this.search = search;
        this.properties = properties;
    }

    @GetMapping("/search")
    SearchPage search(@RequestParam(name = "q", required = false) String query,
                      @RequestParam(defaultValue = "0") int from,
                      @RequestParam(defaultValue = "10") int size) throws IOException {
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidSearchException("q is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        if (size < 1 || size > properties.maxPageSize()) {
            throw new InvalidSearchException("size must be between 1 and " + properties.maxPageSize());
        }
        if (from < 0 || from + size > properties.maxFrom()) {
            throw new InvalidSearchException("from must be at least 0 and from + size at most " + properties.maxFrom());
        }
        return search.search(new SearchRequest(query, from, size));
    }
}
