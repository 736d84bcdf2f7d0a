package io.kgrec.cypher.risk;

import java.util.Map;
import org.neo4j.procedure.Description;

/** The row {@code kgrec.anomaly.detect} returns. */
public final class DetectResult {
    @Description("the detection run written (0 for a dry run)")
    public long run;
    @Description("customers read")
    public long customers;
    @Description("interactions read")
    public long interactions;
    @Description("anomalies found")
    public long anomalies;
    @Description("anomalies found per kind: PUSH_GROUP, BURST, VOLUME, QUANTITY")
    public Map<String, Object> byKind;
    @Description("customers with at least one flag")
    public long flaggedCustomers;
    @Description("customers all of whose interactions are flagged (left out of training entirely)")
    public long excludedCustomers;
    @Description("interactions flagged, counting all of an excluded customer's")
    public long flaggedInteractions;
    @Description("seconds taken")
    public double seconds;

    static DetectResult of(Detection d, long run, double seconds) {
        DetectResult r = new DetectResult();
        r.run = run;
        r.customers = d.log().customers();
        r.interactions = d.log().interactions().stream().mapToLong(InteractionLog.Interactions::size).sum();
        r.anomalies = d.findings().size();
        r.byKind = new java.util.LinkedHashMap<>();
        d.findingsByKind().forEach((k, n) -> r.byKind.put(k.name(), (long) n));
        r.flaggedCustomers = d.flaggedCustomers().size();
        r.excludedCustomers = d.excludedCustomers().size();
        r.flaggedInteractions = d.flaggedInteractions();
        r.seconds = seconds;
        return r;
    }
}
