package io.kgrec.api.audit;

import io.kgrec.api.read.Graph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** Reads anomaly flags for review through {@code kgrec.anomaly.stream}, with the pushed item's name. */
@Component
public class Flags {
    private static final String FLAGS = """
            CALL kgrec.anomaly.stream($config)
            YIELD customerId, anomaly, kind, scope, score, status, summary, evidence, anomalyEvidence, targetItem,
                  members, interactions, detectedAt, reviewedBy, reviewedAt
            OPTIONAL MATCH (i:Item {id: targetItem})
            RETURN customerId, anomaly, kind, scope, score, status, summary, evidence, anomalyEvidence, targetItem,
                   i.name AS targetName, members, interactions, detectedAt, reviewedBy, reviewedAt
            """;

    private final Graph graph;

    public Flags(Graph graph) {
        this.graph = graph;
    }

    /** One flag as the procedure lists it; statuses and kinds as in the graph (lower-case statuses). */
    public record Flag(String customerId, String anomaly, String kind, String scope, double score, String status,
            String summary, Map<String, Double> evidence, Map<String, Double> anomalyEvidence, String targetItem,
            String targetName, long members, long interactions, String detectedAt, String reviewedBy,
            String reviewedAt) {
    }

    /**
     * @param statuses lower-case review statuses
     * @param kinds    anomaly kinds; empty for all
     */
    public List<Flag> list(List<String> statuses, List<String> kinds, int skip, int limit) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("status", statuses);
        if (!kinds.isEmpty()) {
            config.put("kind", kinds);
        }
        config.put("skip", skip);
        config.put("limit", limit);
        return graph.read(FLAGS, Map.of("config", config), r -> new Flag(r.get("customerId").asString(),
                r.get("anomaly").asString(), r.get("kind").asString(), r.get("scope").asString(),
                r.get("score").asDouble(), r.get("status").asString(), r.get("summary").asString(),
                numbers(r.get("evidence")), numbers(r.get("anomalyEvidence")), text(r.get("targetItem")),
                text(r.get("targetName")), r.get("members").asLong(), r.get("interactions").asLong(),
                text(r.get("detectedAt")), text(r.get("reviewedBy")), text(r.get("reviewedAt"))));
    }

    private static Map<String, Double> numbers(Value map) {
        Map<String, Double> out = new LinkedHashMap<>();
        map.asMap(Value::asDouble).forEach(out::put);
        return out;
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }
}
