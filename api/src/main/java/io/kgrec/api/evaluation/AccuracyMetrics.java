package io.kgrec.api.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision, recall, nDCG, hit rate and MRR at k, and coverage, Gini and average popularity over the lists, computed
 * the way the team's reference evaluator does, so both give the same figures for the same file.
 */
public final class AccuracyMetrics {
    private AccuracyMetrics() {
    }

    /**
     * @param recommendations customer → items, best first (only the first k distinct items count)
     */
    public static AccuracyReport evaluate(Map<String, List<String>> recommendations, HeldOut relevance, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1");
        }
        Map<String, Integer> popularity = relevance.popularity();
        Set<String> catalog = new HashSet<>(relevance.catalog());
        Map<String, Integer> timesRecommended = new HashMap<>();
        double precision = 0, recall = 0, ndcg = 0, hitRate = 0, mrr = 0, popularitySum = 0;
        int recommended = 0, inTrain = 0, unknown = 0, withoutRecommendations = 0;
        List<String> customers = relevance.customers();
        for (String customer : customers) {
            Set<String> relevant = relevance.heldOut().get(customer);
            List<String> list = firstDistinct(recommendations.getOrDefault(customer, List.of()), k);
            if (list.isEmpty()) {
                withoutRecommendations++;
            }
            Set<String> train = relevance.train().getOrDefault(customer, Set.of());
            int hits = 0, first = 0;
            double dcg = 0;
            for (int pos = 1; pos <= list.size(); pos++) {
                String item = list.get(pos - 1);
                timesRecommended.merge(item, 1, Integer::sum);
                recommended++;
                popularitySum += popularity.getOrDefault(item, 0);
                if (train.contains(item)) {
                    inTrain++;
                }
                if (!catalog.contains(item)) {
                    unknown++;
                }
                if (relevant.contains(item)) {
                    hits++;
                    dcg += 1.0 / log2(pos + 1);
                    if (first == 0) {
                        first = pos;
                    }
                }
            }
            double idcg = 0;
            for (int p = 1; p <= Math.min(relevant.size(), k); p++) {
                idcg += 1.0 / log2(p + 1);
            }
            precision += (double) hits / k;
            recall += (double) hits / relevant.size();
            ndcg += dcg / idcg;
            hitRate += hits > 0 ? 1 : 0;
            mrr += first > 0 ? 1.0 / first : 0;
        }
        int n = customers.size();
        long covered = timesRecommended.keySet().stream().filter(catalog::contains).count();
        List<Integer> counts = new ArrayList<>(relevance.catalog().size());
        for (String item : relevance.catalog()) {
            counts.add(timesRecommended.getOrDefault(item, 0));
        }
        return new AccuracyReport(k, n, mean(precision, n), mean(recall, n), mean(ndcg, n), mean(hitRate, n),
                mean(mrr, n), catalog.isEmpty() ? 0 : (double) covered / catalog.size(), gini(counts),
                recommended == 0 ? 0 : popularitySum / recommended, recommended == 0 ? 0 : (double) inTrain / recommended,
                withoutRecommendations, recommended, unknown);
    }

    /** Gini index of non-negative counts: 0 when even, towards 1 when concentrated on few items. */
    static double gini(List<Integer> counts) {
        List<Integer> sorted = new ArrayList<>(counts);
        Collections.sort(sorted);
        double total = sorted.stream().mapToDouble(Integer::doubleValue).sum();
        int n = sorted.size();
        if (n == 0 || total == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (2.0 * (i + 1) - n - 1) * sorted.get(i);
        }
        return sum / (n * total);
    }

    private static List<String> firstDistinct(List<String> items, int k) {
        List<String> out = new ArrayList<>(k);
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            if (seen.add(item)) {
                out.add(item);
                if (out.size() == k) {
                    break;
                }
            }
        }
        return out;
    }

    private static double mean(double sum, int n) {
        return n == 0 ? 0 : sum / n;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
