package io.kgrec.cypher.risk;

import java.util.Arrays;

/**
 * DegSim, the degree of similarity with top neighbours (Chirita et al. 2005), on item sets: for each customer, the
 * mean Jaccard similarity to the {@code k} customers most like them. Attack profiles whose filler items are drawn at
 * random resemble nobody, so their value is low. Overlaps are counted through each item's customers, which costs the
 * sum over items of their squared number of customers; items with more customers than {@code maxItemDegree} are
 * left out of the overlaps to bound that cost on very popular items (they say little about resemblance anyway).
 */
final class NeighbourSimilarity {
    private NeighbourSimilarity() {
    }

    static double[] of(InteractionLog log, int k, int maxItemDegree) {
        int customers = log.customers();
        int[][] itemsOf = new int[customers][];
        for (int c = 0; c < customers; c++) {
            itemsOf[c] = Arrays.stream(log.of(c).items()).distinct().toArray();
        }
        int[][] customersOf = customersOf(itemsOf, log.items());
        int[] overlap = new int[customers];
        int[] touched = new int[customers];
        double[] result = new double[customers];
        double[] top = new double[k];
        for (int u = 0; u < customers; u++) {
            int touchedCount = 0;
            for (int item : itemsOf[u]) {
                if (customersOf[item].length > maxItemDegree) {
                    continue;
                }
                for (int v : customersOf[item]) {
                    if (v != u && overlap[v]++ == 0) {
                        touched[touchedCount++] = v;
                    }
                }
            }
            Arrays.fill(top, 0);
            for (int t = 0; t < touchedCount; t++) {
                int v = touched[t];
                double jaccard = (double) overlap[v] / (itemsOf[u].length + itemsOf[v].length - overlap[v]);
                insert(top, jaccard);
                overlap[v] = 0;
            }
            double sum = 0;
            for (double s : top) {
                sum += s;
            }
            result[u] = itemsOf[u].length == 0 ? Double.NaN : sum / k;
        }
        return result;
    }

    /** Keeps {@code top} as the largest values seen, in descending order. */
    private static void insert(double[] top, double value) {
        int last = top.length - 1;
        if (value <= top[last]) {
            return;
        }
        int at = last;
        while (at > 0 && top[at - 1] < value) {
            top[at] = top[at - 1];
            at--;
        }
        top[at] = value;
    }

    private static int[][] customersOf(int[][] itemsOf, int items) {
        int[] degree = new int[items];
        for (int[] list : itemsOf) {
            for (int i : list) {
                degree[i]++;
            }
        }
        int[][] out = new int[items][];
        for (int i = 0; i < items; i++) {
            out[i] = new int[degree[i]];
        }
        int[] fill = new int[items];
        for (int c = 0; c < itemsOf.length; c++) {
            for (int i : itemsOf[c]) {
                out[i][fill[i]++] = c;
            }
        }
        return out;
    }
}
