package io.kgrec.cypher.risk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.procedure.Description;

/** A row of {@code kgrec.anomaly.stream}: one customer's flag. */
public final class FlagResult {
    @Description("the flagged customer")
    public String customerId;
    @Description("the anomaly's key, <KIND>:<pushed item or customer id>")
    public String anomaly;
    @Description("PUSH_GROUP, BURST, VOLUME or QUANTITY")
    public String kind;
    @Description("customer: all the customer's interactions are suspect; interactions: only the flagged ones")
    public String scope;
    @Description("how anomalous, in robust standard deviations")
    public double score;
    @Description("open, confirmed or dismissed")
    public String status;
    @Description("one sentence for the reviewer")
    public String summary;
    @Description("this customer's evidence: named figures")
    public Map<String, Object> evidence;
    @Description("the anomaly's evidence as a whole (for a push: members, audience, share, ratings, time window)")
    public Map<String, Object> anomalyEvidence;
    @Description("the pushed item's id (pushes only)")
    public String targetItem;
    @Description("customers the anomaly flags")
    public long members;
    @Description("the customer's interactions this flag covers")
    public long interactions;
    @Description("when it was last detected, ISO-8601")
    public String detectedAt;
    @Description("who reviewed the flag, if anyone")
    public String reviewedBy;
    @Description("when it was reviewed, ISO-8601")
    public String reviewedAt;

    static FlagResult of(Map<String, Object> row) {
        FlagResult r = new FlagResult();
        r.customerId = (String) row.get("customerId");
        r.anomaly = (String) row.get("anomaly");
        r.kind = (String) row.get("kind");
        r.scope = (String) row.get("scope");
        r.score = ((Number) row.get("score")).doubleValue();
        r.status = (String) row.get("status");
        r.summary = (String) row.get("summary");
        r.evidence = evidence(row.get("names"), row.get("values"));
        r.anomalyEvidence = evidence(row.get("anomalyNames"), row.get("anomalyValues"));
        r.targetItem = (String) row.get("targetItem");
        r.members = row.get("members") instanceof Number n ? n.longValue() : 0;
        r.interactions = row.get("interactions") instanceof Number n ? n.longValue() : 0;
        r.detectedAt = (String) row.get("detectedAt");
        r.reviewedBy = (String) row.get("reviewedBy");
        r.reviewedAt = (String) row.get("reviewedAt");
        return r;
    }

    private static Map<String, Object> evidence(Object names, Object values) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        if (names instanceof String[] n && values instanceof double[] v) {
            for (int i = 0; i < Math.min(n.length, v.length); i++) {
                evidence.put(n[i], v[i]);
            }
        }
        return evidence;
    }
}
