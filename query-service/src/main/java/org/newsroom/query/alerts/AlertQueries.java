package org.newsroom.query.alerts;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import java.util.ArrayList;
import java.util.List;
import org.newsroom.query.live.SimpleQuery;

/**
 * The Elasticsearch query a saved search stands for, stored in the percolator: the same simple-syntax text
 * query over the same fields as {@code GET /api/search}, with the filters as exact (non-scoring) clauses.
 */
final class AlertQueries {

    static final List<String> TEXT_FIELDS = List.of("headline^3", "paragraphs", "byline");
    /** The operators the search API allows: no fuzziness or slop, which would make stored queries costly. */
    private static final List<SimpleQueryStringFlag> SAFE_SYNTAX = List.of(SimpleQueryStringFlag.And,
            SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase,
            SimpleQueryStringFlag.Precedence, SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Whitespace);

    private AlertQueries() {
    }

    static Query of(Alert alert) {
        List<Query> filters = new ArrayList<>();
        if (alert.tag() != null) {
            filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(term("tags.id", alert.tag()), term("tags.label", alert.tag())))));
        }
        if (alert.source() != null) {
            filters.add(term("source.name", alert.source()));
        }
        if (alert.agency() != null) {
            filters.add(term("dateline.agency", alert.agency()));
        }
        if (alert.language() != null) {
            filters.add(term("language", alert.language()));
        }
        return Query.of(q -> q.bool(b -> {
            if (alert.query() != null) {
                b.must(m -> m.simpleQueryString(s -> s.query(SimpleQuery.toElasticsearchSyntax(alert.query()))
                        .fields(TEXT_FIELDS).defaultOperator(Operator.And).flags(SAFE_SYNTAX)));
            }
            return b.filter(filters);
        }));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)).caseInsensitive(true)));
    }
}
