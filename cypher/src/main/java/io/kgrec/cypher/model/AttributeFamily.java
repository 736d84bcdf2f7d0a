package io.kgrec.cypher.model;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Fits the knowledge-graph family: paths customer → j → attribute a ← i become item–item weights
 * W_ji = Σ_{a ∈ A_j ∩ A_i} out_ja · in_ai, a two-step walk over the attribute graph:
 * <ul>
 * <li>out_ja = w_a / Σ_{a' ∈ A_j} w_a' with w_a = (1 + ln(items / |N(a)|))^s: rare attributes say more about j;</li>
 * <li>in_ai = q_i / Σ_{i' ∈ N(a)} q_i' with q_i = (1 + count_i)^γ: which of the attribute's items the walk lands on;
 * γ > 0 prefers items customers actually buy. Cold items keep q = 1 > 0, so they stay reachable.</li>
 * </ul>
 * Attributes carried by more than {@code maxFanout} items (e.g. "brand: National") are skipped: they explain nothing
 * and would make W dense. Each source keeps its {@code topK} targets, and every cold item (no interactions) keeps its
 * {@code coldTopK} strongest incoming sources, so a cold-start item has a KG path whenever it shares an attribute.
 */
public final class AttributeFamily {
    private AttributeFamily() {
    }

    public static AttributePaths fit(ItemAttributes kg, int[] itemCounts, double idfExponent,
                                     double popularityExponent, int maxFanout, int topK, int coldTopK) {
        int items = kg.items();
        double[] attributeWeight = new double[kg.attributes()];
        for (int a = 0; a < kg.attributes(); a++) {
            int fanout = kg.itemCount(a);
            // An attribute of a single item links nothing; a hub would link everything.
            if (fanout >= 2 && fanout <= maxFanout) {
                attributeWeight[a] = Math.pow(1.0 + Math.log((double) items / fanout), idfExponent);
            }
        }
        double[] out = new double[kg.links()];
        for (int j = 0; j < items; j++) {
            double total = 0;
            for (int p = kg.itemStart(j); p < kg.itemEnd(j); p++) {
                total += attributeWeight[kg.itemAttribute(p)];
            }
            for (int p = kg.itemStart(j); p < kg.itemEnd(j); p++) {
                out[p] = total > 0 ? attributeWeight[kg.itemAttribute(p)] / total : 0.0;
            }
        }
        double[] in = new double[kg.links()];
        for (int a = 0; a < kg.attributes(); a++) {
            if (attributeWeight[a] == 0.0) {
                continue;
            }
            double total = 0;
            for (int p = kg.attributeStart(a); p < kg.attributeEnd(a); p++) {
                total += Math.pow(1.0 + itemCounts[kg.attributeItem(p)], popularityExponent);
            }
            for (int p = kg.attributeStart(a); p < kg.attributeEnd(a); p++) {
                in[p] = Math.pow(1.0 + itemCounts[kg.attributeItem(p)], popularityExponent) / total;
            }
        }
        AttributePaths paths = new AttributePaths(kg, out, in);
        return paths.withWeights(sparsify(paths, itemCounts, topK, coldTopK));
    }

    private static SparseItemWeights sparsify(AttributePaths paths, int[] itemCounts, int topK, int coldTopK) {
        int items = itemCounts.length;
        int[][] targets = new int[items][];
        double[][] weights = new double[items][];
        IntStream.range(0, items).parallel().forEach(j -> {
            Strongest kept = Strongest.of(j, paths::row, items, topK);
            targets[j] = kept.indices;
            weights[j] = kept.values;
        });
        Strongest[] coldSources = new Strongest[items];
        if (coldTopK > 0) {
            IntStream.range(0, items).parallel().filter(i -> itemCounts[i] == 0)
                    .forEach(i -> coldSources[i] = Strongest.of(i, paths::column, items, coldTopK));
        }
        int[] extra = new int[items];
        for (Strongest cold : coldSources) {
            if (cold != null) {
                for (int j : cold.indices) {
                    extra[j]++;
                }
            }
        }
        int[] filled = new int[items];
        for (int j = 0; j < items; j++) {
            filled[j] = targets[j].length;
            targets[j] = Arrays.copyOf(targets[j], filled[j] + extra[j]);
            weights[j] = Arrays.copyOf(weights[j], filled[j] + extra[j]);
        }
        for (int i = 0; i < items; i++) {
            Strongest cold = coldSources[i];
            for (int p = 0; cold != null && p < cold.indices.length; p++) {
                int j = cold.indices[p];
                if (!contains(targets[j], filled[j], i)) {
                    targets[j][filled[j]] = i;
                    weights[j][filled[j]++] = cold.values[p];
                }
            }
        }
        SparseItemWeights.Builder builder = SparseItemWeights.builder(items);
        for (int j = 0; j < items; j++) {
            builder.row(j, Arrays.copyOf(targets[j], filled[j]), Arrays.copyOf(weights[j], filled[j]));
        }
        return builder.build();
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int p = 0; p < length; p++) {
            if (values[p] == value) {
                return true;
            }
        }
        return false;
    }

    /** The k strongest entries of one row or column of W, itself excluded. */
    private record Strongest(int[] indices, double[] values) {
        interface Line {
            int fill(int index, double[] acc, int[] touched);
        }

        static Strongest of(int index, Line line, int items, int k) {
            Scratch scratch = Scratch.LOCAL.get().sized(items);
            double[] acc = scratch.acc;
            int n = line.fill(index, acc, scratch.touched);
            acc[index] = Double.NEGATIVE_INFINITY;
            int[] best = TopK.largest(acc, Arrays.copyOf(scratch.touched, n), k);
            double[] values = new double[best.length];
            for (int p = 0; p < best.length; p++) {
                values[p] = acc[best[p]];
            }
            for (int p = 0; p < n; p++) {
                acc[scratch.touched[p]] = 0.0;
            }
            acc[index] = 0.0;
            return new Strongest(best, values);
        }
    }

    /** Per-thread dense accumulator, cleared after each use through the touched list. */
    private static final class Scratch {
        static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);
        double[] acc = new double[0];
        int[] touched = new int[0];

        Scratch sized(int items) {
            if (acc.length != items) {
                acc = new double[items];
                touched = new int[items];
            }
            return this;
        }
    }
}
