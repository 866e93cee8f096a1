package org.newsroom.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.newsroom.query.QueryProperties;
import org.newsroom.query.indexing.ArticleTemplate.EnglishAnalysis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Owns the article index: a composable template ({@link ArticleTemplate}) and versioned indices
 * ({@code articles-v1}, {@code articles-v2}, ...) behind the alias every read and write goes through, so a
 * reindex swaps the alias instead of touching clients. Created on first use rather than at start-up, so the
 * service starts (and reports health) while Elasticsearch is still coming up; an index an older version created
 * gets the fields added since then at that point.
 */
@Component
public class ArticleIndex {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

    private final ElasticsearchClient client;
    private final QueryProperties properties;
    private final JsonMapper json;
    private volatile boolean ensured;

    public ArticleIndex(ElasticsearchClient client, QueryProperties properties, JsonMapper json) {
        this.client = client;
        this.properties = properties;
        this.json = json;
    }

    public String alias() {
        return properties.indexAlias();
    }

    /**
     * Puts the template (so its current version applies to the next index) and creates the first index with
     * the alias unless the alias exists; safe to call from several instances at once.
     */
    public void ensureExists() throws IOException {
        if (ensured) {
            return;
        }
        putTemplate();
        if (client.indices().existsAlias(a -> a.name(alias())).value()) {
            putMappings();
            putRefreshInterval();
        } else {
            try {
                client.indices().create(c -> c.index(properties.indexVersion())
                        .aliases(alias(), a -> a.isWriteIndex(true)));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ensured = true;
    }

    /** Brings the indices behind the alias up to the current mappings: new optional fields only (docs/events.md). */
    private void putMappings() throws IOException {
        String mappings = ArticleTemplate.mappings(json);
        try {
            client.indices().putMapping(m -> m.index(alias()).withJson(new StringReader(mappings)));
        } catch (ElasticsearchException e) {
            throw new IllegalStateException("The indices behind '" + alias() + "' have a mapping this version cannot "
                    + "extend (" + e.getMessage() + "): migrate them with ./newsroom reindex", e);
        }
    }

    /** Gives the indices behind the alias the configured refresh interval (a dynamic setting; new ones get it from the template). */
    private void putRefreshInterval() throws IOException {
        String interval = ArticleTemplate.interval(properties.refreshInterval());
        try {
            client.indices().putSettings(s -> s.index(alias()).settings(i -> i.refreshInterval(t -> t.time(interval))));
        } catch (ElasticsearchException e) {
            // e.g. a read-only block on an old index: articles are still indexed, only later than configured
            log.warn("The indices behind '{}' keep their refresh interval ({} refused: {})", alias(), interval,
                    e.getMessage());
        }
    }

    /**
     * Moves the alias to {@code newIndex}, created from the current template. Writes switch to the new index
     * first; the old documents are then copied with {@code op_type=create}, so an article written meanwhile
     * keeps its newer version; finally the old indices leave the alias (they are kept for a rollback).
     */
    public void migrateTo(String newIndex) throws IOException {
        ensureExists();
        putTemplate();
        List<String> previous = List.copyOf(client.indices().getAlias(g -> g.name(alias())).aliases().keySet());
        client.indices().create(c -> c.index(newIndex));
        client.indices().updateAliases(u -> {
            previous.forEach(old -> u.actions(a -> a.add(add -> add.index(old).alias(alias()).isWriteIndex(false))));
            return u.actions(a -> a.add(add -> add.index(newIndex).alias(alias()).isWriteIndex(true)));
        });
        IndexCopy.copy(client, previous, newIndex);
        client.indices().updateAliases(u -> {
            previous.forEach(old -> u.actions(a -> a.remove(remove -> remove.index(old).alias(alias()))));
            return u;
        });
    }

    /** The concrete indices the alias points at now. */
    public List<String> indicesBehindAlias() throws IOException {
        return List.copyOf(client.indices().getAlias(g -> g.name(alias())).aliases().keySet());
    }

    /**
     * Creates the next index version ({@code articles-v3} when {@code articles-v1} and {@code -v2} exist) from the
     * current template, outside the alias, and returns its name.
     */
    public String createNextVersion() throws IOException {
        ensureExists();
        putTemplate();
        String prefix = alias() + "-v";
        int highest = client.indices().get(g -> g.index(prefix + "*")).indices().keySet().stream()
                .map(name -> name.substring(prefix.length()))
                .filter(number -> number.matches("[0-9]{1,9}"))
                .mapToInt(Integer::parseInt).max().orElse(0);
        String next = prefix + (highest + 1);
        client.indices().create(c -> c.index(next));
        return next;
    }

    /**
     * Points the alias at {@code newIndex} alone, as its write index, in one {@code _aliases} request: searches
     * see either the old indices or the new one, never neither. The old indices are kept for a rollback.
     */
    public void swapTo(String newIndex, List<String> previous) throws IOException {
        client.indices().refresh(r -> r.index(newIndex));
        client.indices().updateAliases(u -> {
            previous.forEach(old -> u.actions(a -> a.remove(remove -> remove.index(old).alias(alias()))));
            return u.actions(a -> a.add(add -> add.index(newIndex).alias(alias()).isWriteIndex(true)));
        });
    }

    /** Copies {@code from} into {@code to}, where {@code to} has no equal or newer version of the article. */
    public long copyMissing(List<String> from, String to) throws IOException {
        return IndexCopy.copy(client, from, to);
    }

    /** How many documents {@code index} holds once refreshed. */
    public long count(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)).count();
    }

    private void putTemplate() throws IOException {
        String body = ArticleTemplate.body(alias(), englishAnalysis(), properties.refreshInterval(), json);
        client.indices().putIndexTemplate(t -> t.withJson(new StringReader(body)).name(ArticleTemplate.name(alias())));
    }

    /** Asks the node which English analysis it has; having neither is a deployment error worth a clear message. */
    private EnglishAnalysis englishAnalysis() throws IOException {
        if (analyzes(ArticleTemplate.ANALYZER)) {
            return EnglishAnalysis.PLUGIN;
        }
        if (analyzes("english")) {
            return EnglishAnalysis.BUILT_IN;
        }
        throw new IllegalStateException("Elasticsearch has neither the news_english analyzer nor the built-in "
                + "english one: install es-analysis-plugin/target/es-analysis-plugin-*.zip with bin/elasticsearch-plugin");
    }

    private boolean analyzes(String analyzer) throws IOException {
        try {
            client.indices().analyze(a -> a.analyzer(analyzer).text("sanctions"));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 400) {
                return false;
            }
            throw e;
        }
    }
}
