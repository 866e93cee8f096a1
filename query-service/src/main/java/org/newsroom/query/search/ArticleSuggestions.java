package org.newsroom.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsroom.query.indexing.ArticleIndex;
import org.springframework.stereotype.Component;

/**
 * Query suggestions from completion fields (an in-memory prefix index, fast per keystroke): entity names
 * first, then topic labels, then headlines, each case-insensitive and without repeats.
 */
@Component
public class ArticleSuggestions {

    /** Suggester name to the completion field it reads. */
    static final Map<String, String> FIELDS = Map.of("entity", "entities.name.suggest", "tag", "tags.label.suggest",
            "headline", "headline.suggest");
    /** The order suggestions are listed in. */
    static final List<String> ORDER = List.of("entity", "tag", "headline");

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    ArticleSuggestions(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    public Suggestions suggest(String prefix, int size) throws IOException {
        SearchResponse<Void> response;
        try {
            response = client.search(request(index.alias(), prefix, size), Void.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return new Suggestions(prefix, List.of());
            }
            throw e;
        }
        Set<String> seen = new HashSet<>();
        List<Suggestions.Suggestion> suggestions = new ArrayList<>();
        for (String kind : ORDER) {
            for (var suggestion : response.suggest().getOrDefault(kind, List.of())) {
                for (var option : suggestion.completion().options()) {
                    if (suggestions.size() < size && seen.add(option.text().toLowerCase())) {
                        suggestions.add(new Suggestions.Suggestion(option.text(), kind));
                    }
                }
            }
        }
        return new Suggestions(prefix, suggestions);
    }

    static co.elastic.clients.elasticsearch.core.SearchRequest request(String index, String prefix, int size) {
        return co.elastic.clients.elasticsearch.core.SearchRequest.of(s -> s.index(index).size(0)
                .source(src -> src.fetch(false))
                .suggest(sg -> {
                    ORDER.forEach(kind -> sg.suggesters(kind, f -> f.prefix(prefix)
                            .completion(c -> c.field(FIELDS.get(kind)).size(size).skipDuplicates(true))));
                    return sg;
                }));
    }
}
