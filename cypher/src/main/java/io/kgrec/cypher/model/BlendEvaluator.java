package io.kgrec.cypher.model;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Validation nDCG@k of many blends of the same fitted families, fast: each family's score vector for each evaluated
 * customer is computed once and cached (as floats, to halve the memory), so a blend costs one weighted sum and one
 * top-k per customer. Scores equal {@link HybridModel}'s up to float rounding, which is fine for choosing weights;
 * the tuner reports the real model's nDCG at the end.
 */
final class BlendEvaluator {
    private final InteractionMatrix x;
    private final TrainingData data;
    private final Holdout holdout;
    private final InteractionTransform transform;
    private final int k;
    private final int[] customers;
    private final History[] histories;
    private final Map<Object, float[][]> cache = new IdentityHashMap<>();

    BlendEvaluator(TrainingData data, Holdout holdout, InteractionTransform transform, int k) {
        this.data = data;
        this.x = data.interactions();
        this.holdout = holdout;
        this.transform = transform;
        this.k = k;
        this.customers = IntStream.range(0, holdout.customers()).filter(c -> holdout.of(c).length > 0).toArray();
        this.histories = new History[customers.length];
        for (int p = 0; p < customers.length; p++) {
            int c = customers[p];
            histories[p] = c < x.customers() ? data.history(c, transform) : new History(new int[0], new double[0]);
        }
    }

    double ndcg(FittedFamilies fitted, BlendWeights weights) {
        if (fitted.transform() != transform) {
            throw new IllegalArgumentException("families were fitted with another transform");
        }
        SparseItemWeights[] families = {fitted.collaborative(), fitted.walk(),
                fitted.knowledgeGraph() == null ? null : fitted.knowledgeGraph().weights(), fitted.embedding()};
        double[] w = {weights.collaborative(), weights.walk(), weights.knowledgeGraph(), weights.embedding()};
        retainOnly(Set.of(nonNull(families)));
        float[][][] vectors = new float[families.length][][];
        for (int f = 0; f < families.length; f++) {
            if (families[f] != null && w[f] > 0) {
                vectors[f] = cache.computeIfAbsent(families[f], key -> scores((SparseItemWeights) key));
            }
        }
        PopularityPrior prior = fitted.popularity().withStrength(HybridTrainer.priorOnUnitScale(x, weights).prior(),
                weights.priorDecay());
        double[] ndcg = new double[customers.length];
        IntStream.range(0, customers.length).parallel().forEach(p -> {
            double[] s = new double[x.items()];
            for (int f = 0; f < vectors.length; f++) {
                if (vectors[f] != null) {
                    float[] v = vectors[f][p];
                    double wf = w[f];
                    for (int i = 0; i < s.length; i++) {
                        s[i] += wf * v[i];
                    }
                }
            }
            prior.accumulate(histories[p], s);
            // The same candidate rule as HybridModel.recommend: only items some used family's path reaches.
            if (histories[p].size() > 0) {
                boolean[] reachable = new boolean[s.length];
                for (int f = 0; f < families.length; f++) {
                    if (families[f] != null && w[f] > 0) {
                        families[f].markTargets(histories[p], reachable);
                    }
                }
                for (int i = 0; i < s.length; i++) {
                    if (!reachable[i]) {
                        s[i] = Double.NEGATIVE_INFINITY;
                    }
                }
            }
            for (int item : histories[p].items()) {
                s[item] = Double.NEGATIVE_INFINITY;
            }
            ndcg[p] = RankingMetrics.ndcg(TopK.largest(s, null, k), holdout.of(customers[p]), k);
        });
        double sum = 0;
        for (double v : ndcg) {
            sum += v;
        }
        return customers.length == 0 ? 0.0 : sum / customers.length;
    }

    private float[][] scores(SparseItemWeights family) {
        float[][] vectors = new float[customers.length][];
        IntStream.range(0, customers.length).parallel().forEach(p -> {
            double[] s = new double[x.items()];
            family.accumulate(histories[p], s);
            float[] v = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                v[i] = (float) s[i];
            }
            vectors[p] = v;
        });
        return vectors;
    }

    private void retainOnly(Set<Object> live) {
        cache.keySet().removeIf(key -> !live.contains(key));
    }

    private static Object[] nonNull(Object[] values) {
        return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).toArray();
    }
}
