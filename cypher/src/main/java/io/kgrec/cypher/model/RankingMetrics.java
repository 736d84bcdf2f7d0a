package io.kgrec.cypher.model;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Top-k accuracy of a model on held-out items, computed like the benchmark's evaluate.py: over customers with at
 * least one held-out item, recommending k items outside each customer's training history. Metrics take the history
 * and the relevance model; they never look at anything else.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** Mean nDCG@k and Recall@k. */
    public record Result(double ndcg, double recall, int customers) {
    }

    /** Histories come from the training data (customers beyond it have none). */
    public static Result evaluate(HybridModel model, TrainingData train, Holdout holdout, int k) {
        return evaluate(model, c -> c < train.customers() ? train.history(c, model.transform())
                : new History(new int[0], new double[0]), holdout, k);
    }

    public static Result evaluate(HybridModel model, IntFunction<History> histories, Holdout holdout, int k) {
        int[] evaluated = IntStream.range(0, holdout.customers()).filter(c -> holdout.of(c).length > 0).toArray();
        double[] ndcg = new double[evaluated.length];
        double[] recall = new double[evaluated.length];
        IntStream.range(0, evaluated.length).parallel().forEach(p -> {
            int c = evaluated[p];
            int[] recommended = model.recommend(histories.apply(c), k);
            ndcg[p] = ndcg(recommended, holdout.of(c), k);
            recall[p] = (double) hits(recommended, holdout.of(c)) / holdout.of(c).length;
        });
        return new Result(mean(ndcg), mean(recall), evaluated.length);
    }

    /** nDCG@k of one ranked list against a sorted set of relevant items. */
    public static double ndcg(int[] ranked, int[] relevantSorted, int k) {
        double dcg = 0;
        for (int pos = 0; pos < Math.min(k, ranked.length); pos++) {
            if (Arrays.binarySearch(relevantSorted, ranked[pos]) >= 0) {
                dcg += 1.0 / log2(pos + 2);
            }
        }
        double ideal = 0;
        for (int pos = 0; pos < Math.min(k, relevantSorted.length); pos++) {
            ideal += 1.0 / log2(pos + 2);
        }
        return ideal == 0 ? 0.0 : dcg / ideal;
    }

    private static int hits(int[] ranked, int[] relevantSorted) {
        int hits = 0;
        for (int item : ranked) {
            if (Arrays.binarySearch(relevantSorted, item) >= 0) {
                hits++;
            }
        }
        return hits;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0.0 : sum / values.length;
    }
}
