package io.kgrec.cypher.model;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Embedding paths customer → j ~ i: W_ji is the cosine of the two items' random-projection embeddings (see
 * {@link RandomProjectionEmbedding}), kept when positive. Warm sources keep their {@code topK} most similar warm
 * targets (when {@code topK > 0}), and every cold item keeps its {@code coldTopK} most similar warm sources, which is
 * how an item nobody has bought yet can still be recommended.
 */
public final class EmbeddingFamily {
    private EmbeddingFamily() {
    }

    public static SparseItemWeights fit(InteractionMatrix x, InteractionTransform transform, ItemAttributes kg,
                                        int maxFanout, int dimension, long seed, int topK, int coldTopK) {
        float[] e = RandomProjectionEmbedding.items(x, transform, kg, maxFanout, dimension,
                new double[] {1.0, 1.0, 0.5}, seed);
        int items = x.items();
        int[] warm = IntStream.range(0, items).filter(i -> x.itemCount(i) > 0).toArray();
        int[] cold = IntStream.range(0, items).filter(i -> x.itemCount(i) == 0 && hasEmbedding(e, i, dimension))
                .toArray();
        float[][] transposed = transpose(e, items, dimension);
        int[][] targets = new int[items][];
        double[][] weights = new double[items][];
        IntStream.range(0, warm.length).parallel().forEach(p -> {
            int j = warm[p];
            if (topK == 0) {
                targets[j] = new int[0];
                weights[j] = new double[0];
                return;
            }
            double[] similarity = similarities(e, transposed, j, items, dimension);
            similarity[j] = Double.NEGATIVE_INFINITY;
            int[] kept = positive(similarity, TopK.largest(similarity, warm, topK));
            targets[j] = kept;
            weights[j] = Arrays.stream(kept).mapToDouble(i -> similarity[i]).toArray();
        });
        int[][] coldSources = new int[items][];
        double[][] coldWeights = new double[items][];
        IntStream.range(0, cold.length).parallel().forEach(p -> {
            int i = cold[p];
            double[] similarity = similarities(e, transposed, i, items, dimension);
            int[] kept = positive(similarity, TopK.largest(similarity, warm, coldTopK));
            coldSources[i] = kept;
            coldWeights[i] = Arrays.stream(kept).mapToDouble(j -> similarity[j]).toArray();
        });
        int[] filled = new int[items];
        for (int i : cold) {
            for (int j : coldSources[i]) {
                filled[j]++;
            }
        }
        for (int j = 0; j < items; j++) {
            int own = targets[j] == null ? 0 : targets[j].length;
            targets[j] = targets[j] == null ? new int[filled[j]] : Arrays.copyOf(targets[j], own + filled[j]);
            weights[j] = weights[j] == null ? new double[filled[j]] : Arrays.copyOf(weights[j], own + filled[j]);
            filled[j] = own;
        }
        for (int i : cold) {
            for (int p = 0; p < coldSources[i].length; p++) {
                int j = coldSources[i][p];
                targets[j][filled[j]] = i;
                weights[j][filled[j]++] = coldWeights[i][p];
            }
        }
        SparseItemWeights.Builder builder = SparseItemWeights.builder(items);
        for (int j = 0; j < items; j++) {
            builder.row(j, targets[j], weights[j]);
        }
        return builder.build();
    }

    private static boolean hasEmbedding(float[] e, int item, int d) {
        for (int t = 0; t < d; t++) {
            if (e[item * d + t] != 0f) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cosine of one item with every item (embeddings are unit length), as an axpy over the transposed embedding
     * matrix so the JIT can vectorise it; floats suffice for a similarity.
     */
    private static double[] similarities(float[] e, float[][] transposed, int item, int items, int d) {
        float[] acc = new float[items];
        for (int t = 0; t < d; t++) {
            float v = e[item * d + t];
            if (v == 0f) {
                continue;
            }
            float[] column = transposed[t];
            for (int i = 0; i < items; i++) {
                acc[i] += v * column[i];
            }
        }
        double[] similarity = new double[items];
        for (int i = 0; i < items; i++) {
            similarity[i] = acc[i];
        }
        return similarity;
    }

    private static float[][] transpose(float[] e, int items, int d) {
        float[][] transposed = new float[d][items];
        for (int i = 0; i < items; i++) {
            for (int t = 0; t < d; t++) {
                transposed[t][i] = e[i * d + t];
            }
        }
        return transposed;
    }

    private static int[] positive(double[] values, int[] indices) {
        return Arrays.stream(indices).filter(i -> values[i] > 0).toArray();
    }
}
