package io.kgrec.api.read;

import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonPathMaps;
import io.kgrec.model.reason.ScoreTerm;
import java.util.List;
import java.util.Map;
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
        return graph.readRows(RECOMMEND, Map.of("customerId", customerId, "configuration", configuration),
                Recommendations::scored);
    }

    /** The items most like an item, which must exist. */
    public List<Scored> similar(String itemId, int topK, int maxReasons) {
        return graph.readRows(SIMILAR, Map.of("itemId", itemId, "topK", topK, "maxReasons", maxReasons),
                Recommendations::scored);
    }

    /** Every path from the customer to the item; empty when there is none. */
    public List<Scored> explain(String customerId, String itemId) {
        return graph.readRows(EXPLAIN, Map.of("customerId", customerId, "itemId", itemId), Recommendations::scored);
    }

    @SuppressWarnings("unchecked")
    private static Scored scored(Map<String, Object> row) {
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) row.get("reasons");
        List<Map<String, Object>> terms = (List<Map<String, Object>>) row.get("terms");
        return new Scored(((Number) row.get("rank")).intValue(), (String) row.get("itemId"), (String) row.get("name"),
                ((Number) row.get("score")).doubleValue(), reasons.stream().map(ReasonPathMaps::fromMap).toList(),
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
