package io.kgrec.api.read;

import io.kgrec.model.reason.PathKind;
import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonPathMaps;
import io.kgrec.model.reason.ScoreTerm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Calls the {@code kgrec.recommend.stream} and {@code kgrec.explain.stream} procedures. */
@Component
public class Recommendations {
    /** No row at all when the customer does not exist, so the common case needs no separate check. */
    private static final String RECOMMEND = """
            MATCH (customer:Customer {id: $customerId})
            CALL kgrec.recommend.stream(customer.id, $configuration)
            YIELD rank, itemId, name, score, reasons, terms, modelVersion
            RETURN rank, itemId, name, score, reasons, terms, modelVersion
            """;
    private static final String POPULAR = """
            CALL kgrec.recommend.popular.stream($configuration)
            YIELD rank, itemId, name, score, reasons, terms, modelVersion
            RETURN rank, itemId, name, score, reasons, terms, modelVersion
            """;
    private static final String SESSION = """
            CALL kgrec.recommend.session.stream($itemIds, $configuration)
            YIELD rank, itemId, name, score, reasons, terms, modelVersion
            RETURN rank, itemId, name, score, reasons, terms, modelVersion
            """;
    private static final String EXPLAIN = """
            CALL kgrec.explain.stream($customerId, $itemId)
            YIELD rank, itemId, name, score, reasons, terms, modelVersion
            RETURN rank, itemId, name, score, reasons, terms, modelVersion
            """;

    private static final String SIMILAR = """
            CALL kgrec.similar.stream($itemId, {topK: $topK, maxReasons: $maxReasons})
            YIELD rank, itemId, name, score, reasons, terms, modelVersion
            RETURN rank, itemId, name, score, reasons, terms, modelVersion
            """;

    private static final String GROUPS = """
            CALL kgrec.recommend.groups($customerId, $pairs)
            YIELD knownItemId, itemId, otherToKnown, customers, otherToItem
            RETURN knownItemId, itemId, otherToKnown, customers, otherToItem
            """;

    private final Graph graph;

    public Recommendations(Graph graph) {
        this.graph = graph;
    }

    /**
     * The top {@code topK} items for a customer; empty when the customer does not exist (or nothing is left to
     * recommend).
     *
     * @param rules the procedure's business-rule keys (excludeInteracted, includeAttributes, pin, boost, diversity...)
     */
    public List<Scored> top(String customerId, int topK, int maxReasons, Map<String, Object> rules) {
        Map<String, Object> configuration = new java.util.HashMap<>(rules);
        configuration.put("topK", topK);
        configuration.put("maxReasons", maxReasons);
        ReasonPathMaps.Reader paths = new ReasonPathMaps.Reader();
        return graph.readRows(RECOMMEND, Map.of("customerId", customerId, "configuration", configuration),
                row -> scored(row, paths));
    }

    /**
     * The non-personalised list, for a visitor the graph has not seen: what a customer without history gets.
     *
     * @param rules as for {@link #top}
     */
    public List<Scored> popular(int topK, int maxReasons, Map<String, Object> rules) {
        Map<String, Object> configuration = new java.util.HashMap<>(rules);
        configuration.put("topK", topK);
        configuration.put("maxReasons", maxReasons);
        ReasonPathMaps.Reader paths = new ReasonPathMaps.Reader();
        return graph.readRows(POPULAR, Map.of("configuration", configuration), row -> scored(row, paths));
    }

    /**
     * The top items for an anonymous session, whose items must exist, with paths from those items.
     *
     * @param rules as for {@link #top}
     */
    public List<Scored> session(List<String> itemIds, int topK, int maxReasons, Map<String, Object> rules) {
        Map<String, Object> configuration = new java.util.HashMap<>(rules);
        configuration.put("topK", topK);
        configuration.put("maxReasons", maxReasons);
        ReasonPathMaps.Reader paths = new ReasonPathMaps.Reader();
        return graph.readRows(SESSION, Map.of("itemIds", itemIds, "configuration", configuration),
                row -> scored(row, paths));
    }

    /** The items most like an item, which must exist. */
    public List<Scored> similar(String itemId, int topK, int maxReasons) {
        ReasonPathMaps.Reader paths = new ReasonPathMaps.Reader();
        return graph.readRows(SIMILAR, Map.of("itemId", itemId, "topK", topK, "maxReasons", maxReasons),
                row -> scored(row, paths));
    }

    /** Every path from the customer to the item; empty when there is none. */
    public List<Scored> explain(String customerId, String itemId) {
        ReasonPathMaps.Reader paths = new ReasonPathMaps.Reader();
        return graph.readRows(EXPLAIN, Map.of("customerId", customerId, "itemId", itemId), row -> scored(row, paths));
    }

    /**
     * A model-scored list with the groups of other customers on its collaborative paths counted as they are now, and
     * nothing else changed: what scoring it again would give when only other customers' interactions changed. The
     * very list given when no group changed, and the unchanged items and paths of one that did, so a kept list that
     * lives long is not copied for nothing. Null when that cannot be said: a group is gone (scoring again would show
     * another path) or the customer is.
     */
    public List<Scored> regrouped(String customerId, List<Scored> list) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (Scored s : list) {
            for (ReasonPath path : s.reasons()) {
                if (path.kind() == PathKind.COLLABORATIVE) {
                    pairs.add(pair(path));
                }
            }
        }
        if (pairs.isEmpty()) {
            return list;
        }
        Map<List<String>, Map<String, Object>> groups = new HashMap<>();
        for (Map<String, Object> row : graph.readRows(GROUPS, Map.of("customerId", customerId,
                "pairs", List.copyOf(pairs)), row -> row)) {
            if (((Number) row.get("customers")).longValue() == 0) {
                return null;
            }
            groups.put(List.of((String) row.get("knownItemId"), (String) row.get("itemId")), row);
        }
        if (groups.size() != pairs.size()) {
            return null;
        }
        List<Scored> regrouped = new ArrayList<>(list.size());
        boolean anyChanged = false;
        for (Scored s : list) {
            List<ReasonPath> reasons = new ArrayList<>(s.reasons().size());
            boolean changed = false;
            for (ReasonPath path : s.reasons()) {
                ReasonPath now = path.kind() == PathKind.COLLABORATIVE ? withGroup(path, groups.get(pair(path))) : path;
                reasons.add(now);
                changed |= now != path;
            }
            regrouped.add(!changed ? s : new Scored(s.rank(), s.itemId(), s.name(), s.score(), List.copyOf(reasons),
                    s.terms(), s.modelVersion()));
            anyChanged |= changed;
        }
        return anyChanged ? List.copyOf(regrouped) : list;
    }

    /** The path with its group as counted now; the path itself when it already shows that group. */
    private static ReasonPath withGroup(ReasonPath path, Map<String, Object> group) {
        String otherToKnown = (String) group.get("otherToKnown");
        long customers = ((Number) group.get("customers")).longValue();
        String otherToItem = (String) group.get("otherToItem");
        return path.showsGroup(otherToKnown, customers, otherToItem) ? path
                : path.regrouped(otherToKnown, customers, otherToItem);
    }

    /** A collaborative path's known item and recommended item. */
    private static List<String> pair(ReasonPath path) {
        return List.of(path.nodes().get(1).id(), path.end().id());
    }

    @SuppressWarnings("unchecked")
    private static Scored scored(Map<String, Object> row, ReasonPathMaps.Reader paths) {
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) row.get("reasons");
        List<Map<String, Object>> terms = (List<Map<String, Object>>) row.get("terms");
        return new Scored(((Number) row.get("rank")).intValue(), (String) row.get("itemId"), (String) row.get("name"),
                ((Number) row.get("score")).doubleValue(), reasons.stream().map(paths::path).toList(),
                terms.stream().map(ReasonPathMaps::termFromMap).toList(), ((Number) row.get("modelVersion")).longValue());
    }

    /** One scored item as the procedure returned it; model version 0 is the untrained path walk. */
    public record Scored(int rank, String itemId, String name, double score, List<ReasonPath> reasons,
            List<ScoreTerm> terms, long modelVersion) {
        public String modelName() {
            return modelVersion == 0 ? "path-walk" : "model-" + modelVersion;
        }
    }
}
