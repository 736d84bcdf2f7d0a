package io.kgrec.api.read;

import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonPathMaps;
import io.kgrec.model.reason.ScoreTerm;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** Calls the {@code kgrec.recommend.stream} and {@code kgrec.explain.stream} procedures. */
@Component
public class Recommendations {
    private static final String RECOMMEND = """
            CALL kgrec.recommend.stream($customerId, $configuration)
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
     * The top {@code topK} items for a customer, who must exist.
     *
     * @param rules the procedure's business-rule keys (excludeInteracted, includeAttributes, pin, boost, diversity...)
     */
    public List<Scored> top(String customerId, int topK, int maxReasons, Map<String, Object> rules) {
        Map<String, Object> configuration = new java.util.HashMap<>(rules);
        configuration.put("topK", topK);
        configuration.put("maxReasons", maxReasons);
        return graph.read(RECOMMEND, Map.of("customerId", customerId, "configuration", configuration),
                Recommendations::scored);
    }

    /** The items most like an item, which must exist. */
    public List<Scored> similar(String itemId, int topK, int maxReasons) {
        return graph.read(SIMILAR, Map.of("itemId", itemId, "topK", topK, "maxReasons", maxReasons),
                Recommendations::scored);
    }

    /** Every path from the customer to the item; empty when there is none. */
    public List<Scored> explain(String customerId, String itemId) {
        return graph.read(EXPLAIN, Map.of("customerId", customerId, "itemId", itemId), Recommendations::scored);
    }

    private static Scored scored(Record r) {
        return new Scored(r.get("rank").asInt(), r.get("itemId").asString(), nullable(r.get("name")),
                r.get("score").asDouble(),
                r.get("reasons").asList(v -> ReasonPathMaps.fromMap(v.asMap())),
                r.get("terms").asList(v -> ReasonPathMaps.termFromMap(v.asMap())), r.get("modelVersion").asLong());
    }

    private static String nullable(Value v) {
        return v.isNull() ? null : v.asString();
    }

    /** One scored item as the procedure returned it; model version 0 is the untrained path walk. */
    public record Scored(int rank, String itemId, String name, double score, List<ReasonPath> reasons,
            List<ScoreTerm> terms, long modelVersion) {
        public String modelName() {
            return modelVersion == 0 ? "path-walk" : "model-" + modelVersion;
        }
    }
}
