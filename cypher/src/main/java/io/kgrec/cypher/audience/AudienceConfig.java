package io.kgrec.cypher.audience;

import io.kgrec.cypher.config.ConfigMap;
import io.kgrec.cypher.recommend.RecommendConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed configuration of {@code kgrec.audience.stream}.
 *
 * @param topK              how many customers to return
 * @param skip              how many of the best customers to pass over first (paging); they are ranked, not explained
 * @param maxReasons        reason paths per customer; the rest are summed into the {@code other_paths} term
 * @param excludePurchasers whether customers who already have an item leave it out of their score (for an item: leave
 *                          the audience); {@code null}: by target kind, true for items, false for coupons and campaigns
 * @param repeatWeight      the weight of a repeat path (customer already has an offered item) per unit of x_uj
 * @param targetedOnly      only customers the campaign (or one of the coupon's campaigns) targeted
 * @param customerFilter    customer property → accepted values (compared as text); every entry must match
 * @param walk              the untrained path walk's weights, used before any model is trained
 * @param explain           whether rows carry their reasons; {@code false} returns scores only, for bulk scoring
 *                          (explaining a campaign of thousands of items reads every item's weights per customer)
 */
public record AudienceConfig(int topK, int skip, int maxReasons, Boolean excludePurchasers, double repeatWeight,
        boolean targetedOnly, Map<String, List<String>> customerFilter, RecommendConfig walk, boolean explain) {
    public static final int MAX_TOP_K = 100_000;
    private static final Set<String> KEYS = Set.of("topK", "skip", "maxReasons", "excludePurchasers", "repeatWeight",
            "targetedOnly", "customerFilter", "explain", "collaborativeWeight", "attributeWeight", "maxAttributeDegree");
    private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static AudienceConfig of(Map<String, Object> raw) {
        ConfigMap c = ConfigMap.of(raw, KEYS);
        int maxReasons = c.intValue("maxReasons", 3, 1, 100);
        Map<String, List<String>> filter = c.stringListMap("customerFilter", 20, 100);
        for (String property : filter.keySet()) {
            if (!PROPERTY.matcher(property).matches()) {
                throw new IllegalArgumentException("configuration 'customerFilter': '" + property
                        + "' is not a property name");
            }
        }
        Map<String, Object> walk = new java.util.HashMap<>();
        walk.put("maxReasons", maxReasons);
        for (String key : List.of("collaborativeWeight", "attributeWeight", "maxAttributeDegree")) {
            if (raw != null && raw.get(key) != null) {
                walk.put(key, raw.get(key));
            }
        }
        return new AudienceConfig(
                c.intValue("topK", 20, 1, MAX_TOP_K),
                c.intValue("skip", 0, 0, MAX_TOP_K),
                maxReasons,
                raw == null || raw.get("excludePurchasers") == null ? null : c.booleanValue("excludePurchasers", true),
                c.doubleValue("repeatWeight", 1.0, 0.0, 1e6),
                c.booleanValue("targetedOnly", false),
                filter,
                RecommendConfig.of(walk),
                c.booleanValue("explain", true));
    }

    /** Whether customers' own items count, for this kind of target. */
    boolean excludesPurchasers(TargetKind kind) {
        return excludePurchasers != null ? excludePurchasers : kind == TargetKind.ITEM;
    }
}
