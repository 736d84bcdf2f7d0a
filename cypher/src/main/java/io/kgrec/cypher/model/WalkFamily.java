package io.kgrec.cypher.model;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * RP3β (Paudel et al. 2016): the probability of a three-step random walk item j → customer → item i, with each step's
 * transition probability raised to α, divided by popularity_i^β to stop popular items from winning every walk. Unlike
 * EASE it covers every item with at least one co-occurrence, so it also reaches the long tail.
 */
public final class WalkFamily {
    private WalkFamily() {
    }

    public static SparseItemWeights fit(InteractionMatrix x, InteractionTransform transform, double alpha,
                                        double beta, int topK) {
        int items = x.items();
        double[] customerMass = new double[x.customers()];
        for (int c = 0; c < x.customers(); c++) {
            for (int p = x.rowStart(c); p < x.rowEnd(c); p++) {
                customerMass[c] += transform.apply(x.rowValue(p));
            }
        }
        double[] itemMass = new double[items];
        for (int i = 0; i < items; i++) {
            for (int p = x.columnStart(i); p < x.columnEnd(i); p++) {
                itemMass[i] += transform.apply(x.columnValue(p));
            }
        }
        SparseItemWeights.Builder builder = SparseItemWeights.builder(items);
        IntStream.range(0, items).parallel().forEach(j -> {
            if (x.itemCount(j) == 0) {
                return;
            }
            double[] row = new double[items];
            int[] touched = new int[16];
            int touchedCount = 0;
            for (int p = x.columnStart(j); p < x.columnEnd(j); p++) {
                int c = x.columnCustomer(p);
                double toCustomer = Math.pow(transform.apply(x.columnValue(p)) / itemMass[j], alpha);
                for (int q = x.rowStart(c); q < x.rowEnd(c); q++) {
                    int i = x.rowItem(q);
                    if (i == j) {
                        continue;
                    }
                    if (row[i] == 0.0) {
                        if (touchedCount == touched.length) {
                            touched = Arrays.copyOf(touched, touchedCount * 2);
                        }
                        touched[touchedCount++] = i;
                    }
                    row[i] += toCustomer * Math.pow(transform.apply(x.rowValue(q)) / customerMass[c], alpha);
                }
            }
            int[] candidates = Arrays.copyOf(touched, touchedCount);
            for (int i : candidates) {
                row[i] /= Math.pow(x.itemCount(i), beta);
            }
            int[] kept = TopK.largest(row, candidates, topK);
            double[] weights = new double[kept.length];
            for (int p = 0; p < kept.length; p++) {
                weights[p] = row[kept[p]];
            }
            builder.row(j, kept, weights);
        });
        return builder.build();
    }
}
