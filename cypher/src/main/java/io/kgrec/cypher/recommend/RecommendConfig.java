package io.kgrec.cypher.recommend;

import io.kgrec.cypher.config.ConfigMap;
import java.util.Map;
import java.util.Set;

/**
 * Typed configuration of {@code kgrec.recommend.stream}.
 *
 * @param topK                how many items to return
 * @param maxReasons          how many reason paths to return per item; the rest are summed into one named term
 * @param collaborativeWeight weight of collaborative paths (customer → item ← customers → item)
 * @param attributeWeight     weight of knowledge-graph attribute paths (customer → item → attribute ← item)
 * @param maxAttributeDegree  attributes shared by more items than this are not followed
 * @param rules               filters, boosts, pins and diversity; see {@link BusinessRules}
 */
public record RecommendConfig(int topK, int maxReasons, double collaborativeWeight, double attributeWeight,
        int maxAttributeDegree, BusinessRules rules) {
    public static final int MAX_TOP_K = 1000;
    private static final Set<String> KEYS;

    static {
        Set<String> keys = new java.util.HashSet<>(Set.of("topK", "maxReasons", "collaborativeWeight",
                "attributeWeight", "maxAttributeDegree"));
        keys.addAll(BusinessRules.KEYS);
        KEYS = Set.copyOf(keys);
    }

    public static RecommendConfig of(Map<String, Object> raw) {
        ConfigMap c = ConfigMap.of(raw, KEYS);
        return new RecommendConfig(
                c.intValue("topK", 10, 1, MAX_TOP_K),
                c.intValue("maxReasons", 3, 1, 100),
                c.doubleValue("collaborativeWeight", 1.0, 0.0, 1e6),
                c.doubleValue("attributeWeight", 0.02, 0.0, 1e6),
                c.intValue("maxAttributeDegree", 500, 1, Integer.MAX_VALUE),
                BusinessRules.of(c));
    }
}
