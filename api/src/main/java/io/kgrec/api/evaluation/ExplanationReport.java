package io.kgrec.api.evaluation;

import java.util.Map;

/**
 * How well the recommendations are explained.
 *
 * @param items                 recommended items looked at
 * @param itemsWithPath         share of items with at least one reason path
 * @param meanPathsPerItem      reason paths shown per item
 * @param kindShares            share of shown paths per kind (COLLABORATIVE, ATTRIBUTE, SIMILARITY)
 * @param kindEntropyBits       Shannon entropy of the path kinds over all shown paths (0 when one kind only)
 * @param meanKindsPerList      distinct path kinds per customer's list
 * @param throughOtherCustomers share of shown paths that go through (anonymous groups of) other customers
 * @param shownShareOfScore     mean, over items with a positive score, of the shown paths' share of the score
 * @param priorShareOfScore     mean, over items with a positive score, of the prior terms' share of the score
 * @param maxDecompositionError largest |score − (paths + terms)| over all items
 * @param pathsVerified         shown paths checked against the graph (0 when not verified)
 * @param pathsFailed           of those, paths that do not exist
 */
public record ExplanationReport(int items, double itemsWithPath, double meanPathsPerItem,
        Map<String, Double> kindShares, double kindEntropyBits, double meanKindsPerList,
        double throughOtherCustomers, double shownShareOfScore, double priorShareOfScore,
        double maxDecompositionError, long pathsVerified, long pathsFailed) {

    public ExplanationReport withVerification(long verified, long failed) {
        return new ExplanationReport(items, itemsWithPath, meanPathsPerItem, kindShares, kindEntropyBits,
                meanKindsPerList, throughOtherCustomers, shownShareOfScore, priorShareOfScore, maxDecompositionError,
                verified, failed);
    }
}
