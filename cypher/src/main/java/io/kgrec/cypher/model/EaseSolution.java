package io.kgrec.cypher.model;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * EASE^R (Steck 2019) on the items dense enough to learn from: P = (XᵀX + Λ)⁻¹ and B_ji = −P_ji / P_ii, the
 * closed-form item–item weights of a linear autoencoder whose diagonal is forced to zero, so each weight is the
 * strength of the path customer → j → i. Λ = λ·I + κ·diag(XᵀX) adds the popularity-proportional ridge of EDLAE
 * (Steck 2020), which damps the weights into popular items. Items outside the dense set get no EASE row or column;
 * the other families reach them.
 */
public final class EaseSolution {
    private final int items;
    private final int[] denseItems;
    private final double[][] inverse;

    private EaseSolution(int items, int[] denseItems, double[][] inverse) {
        this.items = items;
        this.denseItems = denseItems;
        this.inverse = inverse;
    }

    /**
     * Solves EASE on the most popular items that have at least {@code minCount} customers, at most
     * {@code maxDenseItems} of them (the dense solve costs O(n³) time and O(n²) memory).
     */
    public static EaseSolution solve(InteractionMatrix x, InteractionTransform transform, double lambda, double kappa,
                                     int minCount, int maxDenseItems) {
        if (!(lambda > 0) || kappa < 0) {
            throw new IllegalArgumentException("lambda must be > 0 and kappa >= 0");
        }
        int[] dense = denseItems(x, minCount, maxDenseItems);
        int[] position = new int[x.items()];
        Arrays.fill(position, -1);
        for (int p = 0; p < dense.length; p++) {
            position[dense[p]] = p;
        }
        double[][] gram = gram(x, transform, position, dense.length);
        for (int p = 0; p < dense.length; p++) {
            gram[p][p] += lambda + kappa * gram[p][p];
        }
        DenseSpdInverse.invertInPlace(gram);
        return new EaseSolution(x.items(), dense, gram);
    }

    /** The dense item set: popular first, ties by index, so the choice is reproducible. */
    public static int[] denseItems(InteractionMatrix x, int minCount, int maxDenseItems) {
        return IntStream.range(0, x.items())
                .filter(i -> x.itemCount(i) >= minCount)
                .boxed()
                .sorted((a, b) -> x.itemCount(a) != x.itemCount(b)
                        ? Integer.compare(x.itemCount(b), x.itemCount(a)) : Integer.compare(a, b))
                .limit(maxDenseItems)
                .mapToInt(Integer::intValue)
                .sorted()
                .toArray();
    }

    private static double[][] gram(InteractionMatrix x, InteractionTransform transform, int[] position, int n) {
        double[][] gram = new double[n][n];
        int[] local = new int[x.items()];
        double[] value = new double[x.items()];
        for (int c = 0; c < x.customers(); c++) {
            int m = 0;
            for (int p = x.rowStart(c); p < x.rowEnd(c); p++) {
                int at = position[x.rowItem(p)];
                if (at >= 0) {
                    local[m] = at;
                    value[m++] = transform.apply(x.rowValue(p));
                }
            }
            for (int s = 0; s < m; s++) {
                double[] row = gram[local[s]];
                for (int t = 0; t < m; t++) {
                    row[local[t]] += value[s] * value[t];
                }
            }
        }
        return gram;
    }

    public int denseItemCount() {
        return denseItems.length;
    }

    /**
     * Sparse weights W_ji = −P_ji / P_ii · count_i^(−β), keeping for each source j its {@code topK} strongest
     * targets: the largest weights, or the largest in magnitude when negatives are kept (a negative weight is a path
     * that argues against the item).
     */
    public SparseItemWeights weights(int[] itemCounts, double beta, int topK, boolean keepNegatives) {
        int n = denseItems.length;
        double[] columnScale = new double[n];
        for (int p = 0; p < n; p++) {
            columnScale[p] = -1.0 / inverse[p][p] * Math.pow(Math.max(1, itemCounts[denseItems[p]]), -beta);
        }
        SparseItemWeights.Builder builder = SparseItemWeights.builder(items);
        IntStream.range(0, n).parallel().forEach(s -> {
            double[] row = new double[n];
            double[] p = inverse[s];
            for (int t = 0; t < n; t++) {
                row[t] = p[t] * columnScale[t];
            }
            row[s] = Double.NEGATIVE_INFINITY;
            int[] kept = keepNegatives ? TopK.largestAbsolute(row, null, topK) : TopK.largest(row, null, topK);
            int[] targets = new int[kept.length];
            double[] weights = new double[kept.length];
            int m = 0;
            for (int t : kept) {
                if (keepNegatives || row[t] > 0) {
                    targets[m] = denseItems[t];
                    weights[m++] = row[t];
                }
            }
            builder.row(denseItems[s], Arrays.copyOf(targets, m), Arrays.copyOf(weights, m));
        });
        return builder.build();
    }
}
