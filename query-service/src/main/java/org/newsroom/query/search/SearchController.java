package org.newsroom.query.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import org.newsroom.query.QueryProperties;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search} (the search API's stable entry point) and {@code GET /api/suggest}. */
@RestController
@RequestMapping("/api")
class SearchController {

    static final int MAX_SUGGESTIONS = 20;
    static final int MAX_PREFIX_LENGTH = 100;

    private final ArticleSearch search;
    private final ArticleSuggestions suggestions;
    private final QueryProperties properties;

    SearchController(ArticleSearch search, ArticleSuggestions suggestions, QueryProperties properties) {
        this.search = search;
        this.suggestions = suggestions;
        this.properties = properties;
    }

    @Operation(summary = "Search articles",
            description = "q in simple syntax: words are all required, \"quoted phrases\", -excluded, a OR b, "
                    + "prefix*. Filters repeat (tag=a&tag=b means either). Duplicates are collapsed under their "
                    + "original unless duplicates=include. Pass nextCursor as cursor for the next page.")
    @GetMapping("/search")
    SearchPage search(@ParameterObject SearchParams params) throws IOException {
        return search.search(params.toRequest(properties));
    }

    @Operation(summary = "Suggest queries", description = "Entity names, topic labels and headlines starting with prefix.")
    @GetMapping("/suggest")
    Suggestions suggest(@Parameter(description = "what the user typed so far") @RequestParam String prefix,
                        @RequestParam(defaultValue = "8") int size) throws IOException {
        String text = prefix.strip();
        if (text.isEmpty() || text.length() > MAX_PREFIX_LENGTH) {
            throw new InvalidSearchException("prefix must be 1 to " + MAX_PREFIX_LENGTH + " characters");
        }
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw new InvalidSearchException("size must be between 1 and " + MAX_SUGGESTIONS);
        }
        return suggestions.suggest(text, size);
    }
}
