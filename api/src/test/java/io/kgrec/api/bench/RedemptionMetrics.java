package io.kgrec.api.bench;

import java.util.Map;
import java.util.Set;

/** AUC and precision@k of a ranking of targeted households against the households that actually redeemed. */
final class RedemptionMetrics {
    private RedemptionMetrics() {
    }

    /**
     * Mann–Whitney AUC: the chance that a random redeemer scores above a random non-redeemer, ties counting half.
     * Households without a score rank below all scored ones, tied among themselves.
     */
    static double auc(Set<String> targets, Set<String> redeemers, Map<String, Double> score) {
        double wins = 0;
        long pairs = 0;
        for (String p : targets) {
            if (!redeemers.contains(p)) {
                continue;
            }
            double sp = score.getOrDefault(p, Double.NEGATIVE_INFINITY);
            for (String n : targets) {
                if (redeemers.contains(n)) {
                    continue;
                }
                double sn = score.getOrDefault(n, Double.NEGATIVE_INFINITY);
                wins += sp > sn ? 1.0 : sp == sn ? 0.5 : 0.0;
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    /** The share of redeemers among the k best-scored targets; ties broken by household id, unscored last. */
    static double precisionAt(int k, Set<String> targets, Set<String> redeemers, Map<String, Double> score) {
        java.util.List<String> ranked = new java.util.ArrayList<>(targets);
        ranked.sort(java.util.Comparator.comparingDouble((String h) -> -score.getOrDefault(h, Double.NEGATIVE_INFINITY))
                .thenComparing(h -> h));
        int n = Math.min(k, ranked.size());
        long hits = ranked.subList(0, n).stream().filter(redeemers::contains).count();
        return n == 0 ? Double.NaN : (double) hits / n;
    }
}
