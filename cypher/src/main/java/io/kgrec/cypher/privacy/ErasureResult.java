package io.kgrec.cypher.privacy;

import org.neo4j.procedure.Description;

/** What {@code kgrec.privacy.erase} removed. */
public record ErasureResult(
        @Description("the erased customer's id") String customerId,
        @Description("interactions removed") long interactions,
        @Description("recorded impressions removed") long impressions,
        @Description("profile affinities removed") long affinities,
        @Description("anomaly flags removed") long flags,
        @Description("anomalies removed because they named only this customer") long anomalies,
        @Description("audit-log records of served lists removed") long servedLists,
        @Description("items only this customer had interacted with, whose model state was removed") long itemsOnlyTheirs,
        @Description("model relationships and properties removed") long modelState) {
}
