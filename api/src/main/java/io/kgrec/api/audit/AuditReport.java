package io.kgrec.api.audit;

import io.kgrec.api.evaluation.AccuracyReport;
import io.kgrec.api.evaluation.ExplanationReport;
import java.util.List;
import java.util.Map;

/**
 * A bias and fairness audit of the recommendations: popularity bias, exposure by item group, accuracy (with held-out
 * data) or exposure and explanation quality (without) by customer group, and explanation quality, for each
 * recommender configuration compared.
 *
 * @param generatedAt    ISO-8601 UTC
 * @param source         what was audited, e.g. "dataset ml-100k, split test" or "live graph"
 * @param heldOut        whether accuracy could be measured (a dataset split), or not (a live graph)
 * @param customers      customers whose lists were audited
 * @param catalogItems   items in the catalogue
 * @param itemGroupBy    how items were grouped ({@code property:department}, {@code entity:genre}), or null
 * @param baseline       the offline evaluation the audit ran first, on a dataset split; else null
 * @param configurations one audit per configuration, the reference first
 * @param notes          what the reader should know: gaps, fallbacks, definitions that differ from expectations
 */
public record AuditReport(String generatedAt, String source, boolean heldOut, int k, int customers, int catalogItems,
        String itemGroupBy, double headShare, Baseline baseline, List<ConfigurationAudit> configurations,
        List<String> notes) {

    /** The offline evaluation's figures (same as {@code kgrec evaluate}), with its path verification. */
    public record Baseline(AccuracyReport accuracy, ExplanationReport explanation, double validationNdcg) {
    }

    /** Everything measured for one configuration. */
    public record ConfigurationAudit(String label, Map<String, Object> settings, PopularityBias popularity,
            AccuracyReport accuracy, ExplanationReport explanation, List<GroupExposure> itemGroups,
            List<CustomerBreakdown> customerGroups) {
    }

    /**
     * @param averagePopularity             mean number of (training) customers of a recommended item
     * @param longTailShare                 share of recommendation slots given to items outside the head
     * @param catalogueLongTailInteractions share of the customers' interactions that are with long-tail items: what
     *                                      a recommender that follows consumption would give the tail
     * @param gini                          Gini index of how often each catalogue item is recommended
     * @param coverage                      share of the catalogue recommended at least once
     */
    public record PopularityBias(double averagePopularity, double longTailShare,
            double catalogueLongTailInteractions, double gini, double coverage) {
    }

    /**
     * Exposure of one item group. An item in several groups (a film with three genres) counts a third in each.
     *
     * @param items            catalogue items in the group
     * @param catalogueShare   the group's share of the catalogue
     * @param interactionShare the group's share of the customers' interactions
     * @param exposureShare    the group's share of recommendation slots
     * @param exposureRatio    exposure share / interaction share: 1 is proportional, below 1 under-exposed
     */
    public record GroupExposure(String group, double items, double catalogueShare, double interactionShare,
            double exposureShare, double exposureRatio) {
    }

    /** One customer attribute's groups. */
    public record CustomerBreakdown(String attribute, List<CustomerGroup> groups) {
    }

    /**
     * One group of customers. Accuracy figures are null without held-out data.
     *
     * @param coverage                  share of the catalogue recommended to the group
     * @param itemsWithPath             share of the group's recommended items with at least one reason path
     * @param pathsThroughOtherCustomers share of shown paths that go through other customers
     * @param pathKindEntropyBits       diversity of the path kinds shown to the group
     */
    public record CustomerGroup(String group, int customers, Double ndcg, Double recall, Double hitRate,
            double averagePopularity, double longTailShare, double coverage, double itemsWithPath,
            double meanPathsPerItem, double pathsThroughOtherCustomers, double pathKindEntropyBits) {
    }
}
