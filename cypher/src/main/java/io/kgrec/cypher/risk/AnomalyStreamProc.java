package io.kgrec.cypher.risk;

import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.anomaly.stream}: the flags for review, with their evidence. */
public class AnomalyStreamProc {
    static final String FLAGS = """
            MATCH (c:Customer)-[f:FLAGGED]->(a:Anomaly)
            WHERE f.status IN $statuses AND f.kind IN $kinds AND ($customerId IS NULL OR c.id = $customerId)
            RETURN c.id AS customerId, a.key AS anomaly, f.kind AS kind, f.scope AS scope, f.score AS score,
                   f.status AS status, f.summary AS summary, f.evidenceNames AS names, f.evidenceValues AS values,
                   a.evidenceNames AS anomalyNames, a.evidenceValues AS anomalyValues, a.targetItem AS targetItem,
                   a.members AS members, f.interactions AS interactions, toString(f.detectedAt) AS detectedAt,
                   f.reviewedBy AS reviewedBy, toString(f.reviewedAt) AS reviewedAt
            ORDER BY score DESC, customerId, anomaly
            SKIP $skip LIMIT $limit
            """;

    @Context
    public Transaction tx;

    @Procedure(name = "kgrec.anomaly.stream", mode = Mode.READ)
    @Description("Lists anomaly flags for review, most anomalous first: the customer, the anomaly (kind, key, "
            + "pushed item), the flag's status and score, and the evidence as a map of named figures. "
            + "Configuration: status ('open' and 'confirmed'; a string or list of open, confirmed, dismissed), kind "
            + "(all; PUSH_GROUP, BURST, VOLUME, QUANTITY), customerId, skip (0), limit (1000).")
    public Stream<FlagResult> stream(
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        FlagQuery q = FlagQuery.of(configuration);
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("statuses", q.statuses());
        parameters.put("kinds", q.kinds());
        parameters.put("customerId", q.customerId());
        parameters.put("skip", q.skip());
        parameters.put("limit", q.limit());
        return tx.execute(FLAGS, parameters).stream().map(FlagResult::of);
    }
}
