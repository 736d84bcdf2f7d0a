package io.kgrec.cypher.model;

import java.util.Arrays;

/**
 * One family's item–item weights W_ji, kept sparse by source item j: each row lists the targets i that j points to.
 * This is exactly what gets stored as {@code (j)-[:SIMILAR_TO {weight}]->(i)}; scores are computed from these rows
 * only, so whatever was dropped while sparsifying is dropped from the explanation too.
 */
public final class SparseItemWeights {
    private static final int[] NO_TARGETS = new int[0];
    private static final double[] NO_WEIGHTS = new double[0];

    private final int[][] targets;
    private final double[][] weights;

    private SparseItemWeights(int[][] targets, double[][] weights) {
        this.targets = targets;
        this.weights = weights;
    }

    /** Rows with no targets. */
    public static SparseItemWeights empty(int items) {
        return new Builder(items).build();
    }

    public static Builder builder(int items) {
        return new Builder(items);
    }

    public int items() {
        return targets.length;
    }

    /** Targets of a source item, ascending. Do not modify. */
    public int[] targetsOf(int source) {
        return targets[source];
    }

    /** Weights aligned with {@link #targetsOf(int)}. Do not modify. */
    public double[] weightsOf(int source) {
        return weights[source];
    }

    /** W_ji, 0 when the pair was not kept. */
    public double weight(int source, int target) {
        int at = Arrays.binarySearch(targets[source], target);
        return at >= 0 ? weights[source][at] : 0.0;
    }

    public long nonZeros() {
        long n = 0;
        for (int[] row : targets) {
            n += row.length;
        }
        return n;
    }

    /** The same pattern with every weight multiplied by a blend weight. */
    public SparseItemWeights scaled(double factor) {
        double[][] scaled = new double[weights.length][];
        for (int j = 0; j < weights.length; j++) {
            scaled[j] = weights[j].clone();
            for (int p = 0; p < scaled[j].length; p++) {
                scaled[j][p] *= factor;
            }
        }
        return new SparseItemWeights(targets, scaled);
    }

    /** Marks every item some history item points to: the items this family gives at least one path. */
    void markTargets(History history, boolean[] reachable) {
        for (int item : history.items()) {
            for (int target : targets[item]) {
                reachable[target] = true;
            }
        }
    }

    /** Adds x_uj · W_j· for every history item into a dense score vector. */
    void accumulate(History history, double[] scores) {
        int[] items = history.items();
        double[] values = history.values();
        for (int p = 0; p < items.length; p++) {
            int[] row = targets[items[p]];
            double[] w = weights[items[p]];
            double x = values[p];
            for (int q = 0; q < row.length; q++) {
                scores[row[q]] += x * w[q];
            }
        }
    }

    /** Rows may be set from several threads, each row once. */
    public static final class Builder {
        private final int[][] targets;
        private final double[][] weights;

        private Builder(int items) {
            targets = new int[items][];
            weights = new double[items][];
        }

        /** Sets a source row; targets need not be sorted, zero weights are dropped. */
        public Builder row(int source, int[] rowTargets, double[] rowWeights) {
            if (rowTargets.length != rowWeights.length) {
                throw new IllegalArgumentException("targets and weights differ in length");
            }
            long[] order = new long[rowTargets.length];
            int n = 0;
            for (int p = 0; p < rowTargets.length; p++) {
                if (rowWeights[p] != 0.0) {
                    order[n++] = ((long) rowTargets[p] << 32) | p;
                }
            }
            Arrays.sort(order, 0, n);
            int[] t = new int[n];
            double[] w = new double[n];
            for (int q = 0; q < n; q++) {
                t[q] = (int) (order[q] >>> 32);
                w[q] = rowWeights[(int) order[q]];
                if (q > 0 && t[q] == t[q - 1]) {
                    throw new IllegalArgumentException("duplicate target " + t[q] + " in row " + source);
                }
            }
            targets[source] = t;
            weights[source] = w;
            return this;
        }

        public SparseItemWeights build() {
            for (int j = 0; j < targets.length; j++) {
                if (targets[j] == null) {
                    targets[j] = NO_TARGETS;
                    weights[j] = NO_WEIGHTS;
                }
            }
            return new SparseItemWeights(targets, weights);
        }
    }
}
