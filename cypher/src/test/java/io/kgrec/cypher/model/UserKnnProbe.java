package io.kgrec.cypher.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/** Experiment: does a user-kNN family blended into the tuned model help? Chosen on valid, reported on test. */
public final class UserKnnProbe {
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        Path dataset = Path.of(args[0]);
        TsvDataset.Split valid = TsvDataset.load(dataset, "valid_train", "valid");
        TsvDataset.Split test = TsvDataset.load(dataset, "train", "test");
        Tuner.Result tuned = Tuner.tune(valid.data(), valid.holdout());
        HybridModel vModel = HybridTrainer.train(valid.data(), tuned.config());
        HybridModel tModel = HybridTrainer.train(test.data(), tuned.config());
        System.out.printf("model alone: valid %.5f test %.5f%n", ndcg(valid, vModel, null, 0),
                ndcg(test, tModel, null, 0));
        for (int k : new int[] {50, 100, 200, 400, 800, 100000}) {
            for (double exponent : new double[] {0.5, 1.0}) {
                double[][] vk = knn(valid.data().interactions(), k, exponent);
                double[][] tk = knn(test.data().interactions(), k, exponent);
                double bestW = 0;
                double bestV = ndcg(valid, vModel, vk, 0);
                StringBuilder line = new StringBuilder();
                for (double w : new double[] {1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10}) {
                    double v = ndcg(valid, vModel, vk, w);
                    line.append(String.format(" %.0e:%.5f", w, v));
                    if (v > bestV) {
                        bestV = v;
                        bestW = w;
                    }
                }
                System.out.printf("k=%d e=%.1f alone valid %.5f test %.5f | best w %.0e valid %.5f test %.5f |%s%n",
                        k, exponent, ndcg(valid, null, vk, 1), ndcg(test, null, tk, 1), bestW, bestV,
                        ndcg(test, tModel, tk, bestW), line);
            }
        }
    }

    /** RankSys-style user kNN: sim = |u∩v| / (|u||v|)^e, top k neighbours, score = Σ sim · x_vj. */
    static double[][] knn(InteractionMatrix x, int k, double exponent) {
        double[][] scores = new double[x.customers()][];
        IntStream.range(0, x.customers()).parallel().forEach(u -> {
            double[] overlap = new double[x.customers()];
            for (int p = x.rowStart(u); p < x.rowEnd(u); p++) {
                int i = x.rowItem(p);
                for (int q = x.columnStart(i); q < x.columnEnd(i); q++) {
                    overlap[x.columnCustomer(q)] += 1;
                }
            }
            overlap[u] = 0;
            int[] candidates = IntStream.range(0, overlap.length).filter(v -> overlap[v] > 0).toArray();
            double nu = x.historySize(u);
            for (int v : candidates) {
                overlap[v] /= Math.pow(nu * x.historySize(v), exponent);
            }
            int[] kept = TopK.largest(overlap, candidates, k);
            double[] s = new double[x.items()];
            for (int v : kept) {
                for (int p = x.rowStart(v); p < x.rowEnd(v); p++) {
                    s[x.rowItem(p)] += overlap[v];
                }
            }
            scores[u] = s;
        });
        return scores;
    }

    /** nDCG@10 of model + w · kNN scores; {@code model} null scores the kNN alone. */
    static double ndcg(TsvDataset.Split split, HybridModel model, double[][] knn, double w) {
        TrainingData data = split.data();
        return IntStream.range(0, data.customers()).parallel().filter(c -> split.holdout().of(c).length > 0)
                .mapToDouble(c -> {
                    History h = data.history(c, model == null ? InteractionTransform.BINARY : model.transform());
                    double[] s = model == null ? new double[data.items()] : model.scores(h);
                    boolean[] reach = model == null ? new boolean[data.items()] : model.reachable(h);
                    for (int i = 0; i < s.length; i++) {
                        if (knn != null) {
                            s[i] += w * knn[c][i];
                            reach[i] |= knn[c][i] > 0;
                        }
                        if (!reach[i] && h.size() > 0) {
                            s[i] = Double.NEGATIVE_INFINITY;
                        }
                    }
                    for (int i : h.items()) {
                        s[i] = Double.NEGATIVE_INFINITY;
                    }
                    return RankingMetrics.ndcg(TopK.largest(s, null, 10), split.holdout().of(c), 10);
                }).average().orElse(0);
    }
}
