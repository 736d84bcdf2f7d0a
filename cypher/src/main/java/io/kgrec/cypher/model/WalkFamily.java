package io.kgrec.cypher.model;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Normalised co-occurrence over the paths j ← customer v → i:
 * W_ji = Σ_v x_vj · x_vi / (m_j^a · m_v^b · count_i^β), where m is an item's or a customer's total interaction
 * mass. One formula covers the classic neighbourhood models: a = b = α is RP3β (Paudel et al. 2016) on binary data,
 * a = 0, b = ½ is user-kNN without neighbour truncation (cosine user similarity expanded into item–item weights), and
 * β > 0 stops popular items from winning every walk. It covers every item with a co-occurrence, so it also reaches
 * the long tail that EASE's dense solve leaves out.
 */
public final class WalkFamily {
    private WalkFamily() {
    }

    /** Exponents of the normalisation: source item mass, customer mass, target item count. */
    public record Normalisation(double source, double customer, double target) {
        public static Normalisation rp3(double alpha, double beta) {
            return new Normalisation(alpha, alpha, beta);
        }
    }

    public static SparseItemWeights fit(InteractionMatrix x, InteractionTransform transform,
                                        Normalisation normalisation, int topK) {
        int items = x.items();
        double[] customerScale = new double[x.customers()];
        for (int c = 0; c < x.customers(); c++) {
            double mass = 0;
            for (int p = x.rowStart(c); p < x.rowEnd(c); p++) {
                mass += transform.apply(x.rowValue(p));
            }
            customerScale[c] = mass > 0 ? Math.pow(mass, -normalisation.customer()) : 0.0;
        }
        double[] sourceScale = new double[items];
        double[] targetScale = new double[items];
        for (int i = 0; i < items; i++) {
            double mass = 0;
            for (int p = x.columnStart(i); p < x.columnEnd(i); p++) {
                mass += transform.apply(x.columnValue(p));
            }
            sourceScale[i] = mass > 0 ? Math.pow(mass, -normalisation.source()) : 0.0;
            targetScale[i] = x.itemCount(i) > 0 ? Math.pow(x.itemCount(i), -normalisation.target()) : 0.0;
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
                double toCustomer = transform.apply(x.columnValue(p)) * customerScale[c];
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
                    row[i] += toCustomer * transform.apply(x.rowValue(q));
                }
            }
            int[] candidates = Arrays.copyOf(touched, touchedCount);
            for (int i : candidates) {
                row[i] *= sourceScale[j] * targetScale[i];
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
