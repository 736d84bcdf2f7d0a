package io.kgrec.cypher.risk;

import io.kgrec.cypher.config.ConfigMap;
import java.util.Map;
import java.util.Set;

/**
 * Typed configuration of {@code kgrec.anomaly.detect}. The defaults were chosen on ml-100k and completejourney with
 * injected push attacks (see benchmarks-risk.md): none of them flags a real customer there.
 *
 * @param minScore                 a customer's suspicion score (sum of capped robust z-scores) from which they
 *                                 count as a suspect in a push group
 * @param minGroup                 suspects that must share a pushed item before it is a push
 * @param minShare                 the share of the item's top-value audience the suspects must make up
 * @param burstWindowSeconds       the window in which bursts are counted
 * @param individualZ              robust z from which one customer's burst or volume alone is flagged
 * @param minBurst                 interactions in one window below which a burst is never flagged
 * @param minVolume                interactions below which a volume is never flagged
 * @param quantityZ                robust z, against the item's other interactions, from which a quantity is flagged
 * @param quantityFactor           a flagged quantity must also be this many times the item's median
 * @param minItemInteractions      interactions an item needs before its quantities are judged
 * @param neighbours               k of the neighbour similarity (DegSim)
 * @param similarityMaxItemDegree  items with more customers are left out of neighbour overlaps (cost bound)
 * @param write                    false: detect and count, but write nothing (a dry run)
 */
public record AnomalyConfig(double minScore, int minGroup, double minShare, long burstWindowSeconds,
        double individualZ, int minBurst, int minVolume, double quantityZ, double quantityFactor,
        int minItemInteractions, int neighbours, int similarityMaxItemDegree, boolean write) {
    private static final Set<String> KEYS = Set.of("minScore", "minGroup", "minShare", "burstWindowSeconds",
            "individualZ", "minBurst", "minVolume", "quantityZ", "quantityFactor", "minItemInteractions",
            "neighbours", "similarityMaxItemDegree", "write");

    public static final AnomalyConfig DEFAULTS = of(Map.of());

    public static AnomalyConfig of(Map<String, Object> raw) {
        ConfigMap c = ConfigMap.of(raw, KEYS);
        return new AnomalyConfig(
                c.doubleValue("minScore", 7.0, 0.0, 1000.0),
                c.intValue("minGroup", 5, 2, 1_000_000),
                c.doubleValue("minShare", 0.3, 0.0, 1.0),
                c.intValue("burstWindowSeconds", 3600, 1, 365 * 86_400),
                c.doubleValue("individualZ", 4.0, 0.0, 1000.0),
                c.intValue("minBurst", 20, 2, Integer.MAX_VALUE),
                c.intValue("minVolume", 100, 1, Integer.MAX_VALUE),
                c.doubleValue("quantityZ", 6.0, 0.0, 1000.0),
                c.doubleValue("quantityFactor", 50.0, 1.0, 1e9),
                c.intValue("minItemInteractions", 5, 2, Integer.MAX_VALUE),
                c.intValue("neighbours", 10, 1, 1000),
                c.intValue("similarityMaxItemDegree", 10_000, 1, Integer.MAX_VALUE),
                c.booleanValue("write", true));
    }
}
