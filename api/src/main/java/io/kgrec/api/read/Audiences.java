package io.kgrec.api.read;

import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonPathMaps;
import io.kgrec.model.reason.ScoreTerm;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** Calls {@code kgrec.audience.stream}. */
@Component
public class Audiences {
    private static final String AUDIENCE = """
            CALL kgrec.audience.stream($kind, $id, $configuration)
            YIELD rank, customerId, score, reasons, terms, attributes, segment, activityLevel, targetKind, targetId,
                  targetItems, eligible, modelVersion
            RETURN rank, customerId, score, reasons, terms, attributes, segment, activityLevel, targetKind, targetId,
                   targetItems, eligible, modelVersion
            """;
    /** What an empty page still reports: how many items the target reaches, and which model serves. */
    private static final String FACTS = """
            OPTIONAL MATCH (m:Model {current: true})
            WITH m.version AS version
            OPTIONAL MATCH (i:Item {id: $id}) WHERE $kind = 'item'
            WITH version, count(i) AS asItem
            OPTIONAL MATCH (:Coupon {upc: $id})-[:APPLIES_TO]->(ci:Item) WHERE $kind = 'coupon'
            WITH version, asItem, count(DISTINCT ci) AS asCoupon
            OPTIONAL MATCH (:Campaign {id: $id})<-[:OFFERED_IN]-(:Coupon)-[:APPLIES_TO]->(pi:Item)
              WHERE $kind = 'campaign'
            WITH version, asItem, asCoupon, count(DISTINCT pi) AS asCampaign
            RETURN coalesce(version, 0) AS version, asItem + asCoupon + asCampaign AS items
            """;

    private final Graph graph;

    public Audiences(Graph graph) {
        this.graph = graph;
    }

    /**
     * Customers ranked {@code skip + 1} to {@code skip + topK} of the audience.
     *
     * @param configuration the procedure's keys besides topK and skip (customerFilter, targetedOnly, ...)
     */
    public List<Member> page(String kind, String id, int skip, int topK, int maxReasons,
            Map<String, Object> configuration) {
        Map<String, Object> c = new java.util.HashMap<>(configuration);
        c.put("skip", skip);
        c.put("topK", topK);
        c.put("maxReasons", maxReasons);
        return graph.read(AUDIENCE, Map.of("kind", kind, "id", id, "configuration", c), Audiences::member);
    }

    /** The number of items the target reaches and the serving model version (0: the path walk). */
    public long[] facts(String kind, String id) {
        return graph.read(FACTS, Map.of("kind", kind, "id", id),
                r -> new long[] {r.get("items").asLong(), r.get("version").asLong()}).get(0);
    }

    private static Member member(Record r) {
        Map<String, String> attributes = new java.util.TreeMap<>();
        r.get("attributes").asMap(Value::asString).forEach(attributes::put);
        return new Member(r.get("rank").asInt(), r.get("customerId").asString(), r.get("score").asDouble(),
                r.get("reasons").asList(v -> ReasonPathMaps.fromMap(v.asMap())),
                r.get("terms").asList(v -> ReasonPathMaps.termFromMap(v.asMap())), attributes,
                text(r.get("segment")), text(r.get("activityLevel")), r.get("targetKind").asString(),
                r.get("targetId").asString(), r.get("targetItems").asInt(), r.get("eligible").asInt(),
                r.get("modelVersion").asLong());
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }

    /** One customer of an audience as the procedure returned it; model version 0 is the untrained path walk. */
    public record Member(int rank, String customerId, double score, List<ReasonPath> reasons, List<ScoreTerm> terms,
            Map<String, String> attributes, String segment, String activityLevel, String targetKind,
            String targetId, int targetItems, int eligible, long modelVersion) {
        public String modelName() {
            return modelVersion == 0 ? "path-walk" : "model-" + modelVersion;
        }
    }
}
