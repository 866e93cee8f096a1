package org.newsroom.query.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregations behind {@link Facets}. Tags and entities are counted by id; because they are plain object
 * arrays (not nested), the label of a bucket is read from one matching document's own list rather than from
 * a sibling aggregation, which could pair an id with another tag's label.
 */
final class FacetAggregations {

    static final int FACET_SIZE = 10;
    static final String GROUPS = "groups";
    private static final Map<String, CalendarInterval> INTERVALS = Map.of("hour", CalendarInterval.Hour,
            "day", CalendarInterval.Day, "week", CalendarInterval.Week, "month", CalendarInterval.Month,
            "year", CalendarInterval.Year);

    private FacetAggregations() {
    }

    static boolean isInterval(String interval) {
        return INTERVALS.containsKey(interval);
    }

    static Map<String, Aggregation> of(String interval, boolean countGroups) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put("tags", labelled("tags.id", "tags"));
        aggregations.put("entities", labelled("entities.id", "entities"));
        aggregations.put("sources", terms("source.name"));
        aggregations.put("agencies", terms("dateline.agency"));
        aggregations.put("languages", terms("language"));
        aggregations.put("extractions", terms("extraction.method"));
        aggregations.put("published", Aggregation.of(a -> a.dateHistogram(d -> d.field("publishedAt")
                .calendarInterval(INTERVALS.get(interval)).minDocCount(1))));
        if (countGroups) {
            // Exact below the threshold, which is well above any result set a person pages through.
            aggregations.put(GROUPS, Aggregation.of(a -> a.cardinality(c -> c.field("dedup.canonicalId").precisionThreshold(40000))));
        }
        return aggregations;
    }

    static Facets read(Map<String, Aggregate> aggregations) {
        return new Facets(labelled(aggregations.get("tags"), "tags", "label"),
                labelled(aggregations.get("entities"), "entities", "name"),
                plain(aggregations.get("sources")), plain(aggregations.get("agencies")),
                plain(aggregations.get("languages")), plain(aggregations.get("extractions")),
                aggregations.get("published").dateHistogram().buckets().array().stream()
                        .map(b -> new Facets.DateBucket(Instant.ofEpochMilli(b.key()), b.docCount())).toList());
    }

    static Optional<Long> groups(Map<String, Aggregate> aggregations) {
        return Optional.ofNullable(aggregations.get(GROUPS)).map(a -> a.cardinality().value());
    }

    static List<Facets.Bucket> plain(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new Facets.Bucket(b.key().stringValue(), b.key().stringValue(), b.docCount())).toList();
    }

    private static Aggregation terms(String field) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)));
    }

    private static Aggregation labelled(String field, String list) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE))
                .aggregations("example", s -> s.topHits(h -> h.size(1).source(src -> src.filter(f -> f.includes(list))))));
    }

    private static List<Facets.Bucket> labelled(Aggregate aggregate, String list, String labelField) {
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new Facets.Bucket(b.key().stringValue(), label(b, list, labelField), b.docCount())).toList();
    }

    /** The label the example document gives the bucket's id, or the id itself when it has none. */
    private static String label(StringTermsBucket bucket, String list, String labelField) {
        String id = bucket.key().stringValue();
        var hits = bucket.aggregations().get("example").topHits().hits().hits();
        if (hits.isEmpty() || hits.getFirst().source() == null) {
            return id;
        }
        JsonData source = hits.getFirst().source();
        for (var item : source.toJson().asJsonObject().getJsonArray(list)) {
            var object = item.asJsonObject();
            if (id.equals(object.getString("id", null)) && object.get(labelField) instanceof JsonString label) {
                return label.getString();
            }
        }
        return id;
    }
}
