package io.kgrec.api.evaluation;

/**
 * The accuracy and catalogue metrics of one recommendation file, defined exactly as {@code shared/eval/evaluate.py}
 * (see {@code shared/eval/FORMAT.md}).
 */
public record AccuracyReport(int k, int customers, double precision, double recall, double ndcg, double hitRate,
        double mrr, double coverage, double gini, double averagePopularity, double trainOverlap,
        int customersWithoutRecommendations, int recommendations, int unknownItems) {
}
