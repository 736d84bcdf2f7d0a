package io.kgrec.cypher.model;

import java.util.SplittableRandom;

/**
 * Item embeddings by fast random projection (FastRP, Chen et al. 2019) over one graph of customers, items and
 * attributes: every node starts from a very sparse random sign vector, and each iteration replaces a node's vector by
 * the weighted mean of its neighbours'. An item's embedding is the weighted sum of its normalised iterates, so items
 * with the same customers or the same attributes end up close. Cold items only have attribute edges, which is exactly
 * how they inherit a position next to the warm items that share their attributes.
 */
final class RandomProjectionEmbedding {
    private RandomProjectionEmbedding() {
    }

    /**
     * Returns unit-length item embeddings, {@code dimension} floats per item, row-major.
     *
     * @param iterationWeights weight of the 1st, 2nd, ... propagation in the final embedding
     */
    static float[] items(InteractionMatrix x, InteractionTransform transform, ItemAttributes kg, int maxFanout,
                         int dimension, double[] iterationWeights, long seed) {
        int customers = x.customers();
        int items = x.items();
        int nodes = customers + items + kg.attributes();
        double[] current = new double[nodes * dimension];
        SplittableRandom random = new SplittableRandom(seed);
        double magnitude = Math.sqrt(3.0);
        for (int p = 0; p < current.length; p++) {
            double u = random.nextDouble();
            current[p] = u < 1.0 / 6 ? magnitude : u < 2.0 / 6 ? -magnitude : 0.0;
        }
        double[] embedding = new double[items * dimension];
        for (double weight : iterationWeights) {
            double[] next = propagate(x, transform, kg, maxFanout, current, dimension);
            if (weight != 0.0) {
                for (int i = 0; i < items; i++) {
                    addNormalised(next, (customers + i) * dimension, embedding, i * dimension, dimension, weight);
                }
            }
            current = next;
        }
        float[] result = new float[items * dimension];
        for (int i = 0; i < items; i++) {
            double norm = 0;
            for (int t = 0; t < dimension; t++) {
                norm += embedding[i * dimension + t] * embedding[i * dimension + t];
            }
            double inverse = norm > 0 ? 1.0 / Math.sqrt(norm) : 0.0;
            for (int t = 0; t < dimension; t++) {
                result[i * dimension + t] = (float) (embedding[i * dimension + t] * inverse);
            }
        }
        return result;
    }

    /** One step: every node becomes the weighted mean of its neighbours (customers ↔ items ↔ attributes). */
    private static double[] propagate(InteractionMatrix x, InteractionTransform transform, ItemAttributes kg,
                                      int maxFanout, double[] v, int d) {
        int customers = x.customers();
        int attributesAt = customers + x.items();
        double[] next = new double[v.length];
        double[] total = new double[v.length / d];
        for (int c = 0; c < customers; c++) {
            for (int p = x.rowStart(c); p < x.rowEnd(c); p++) {
                double w = transform.apply(x.rowValue(p));
                int item = customers + x.rowItem(p);
                addScaled(v, item * d, next, c * d, d, w);
                addScaled(v, c * d, next, item * d, d, w);
                total[c] += w;
                total[item] += w;
            }
        }
        for (int i = 0; i < x.items(); i++) {
            for (int p = kg.itemStart(i); p < kg.itemEnd(i); p++) {
                int a = kg.itemAttribute(p);
                if (kg.itemCount(a) > maxFanout) {
                    continue;
                }
                int attribute = attributesAt + a;
                int item = customers + i;
                addScaled(v, attribute * d, next, item * d, d, 1.0);
                addScaled(v, item * d, next, attribute * d, d, 1.0);
                total[item] += 1.0;
                total[attribute] += 1.0;
            }
        }
        for (int node = 0; node < total.length; node++) {
            if (total[node] > 0) {
                for (int t = 0; t < d; t++) {
                    next[node * d + t] /= total[node];
                }
            }
        }
        return next;
    }

    private static void addScaled(double[] from, int fromAt, double[] to, int toAt, int d, double w) {
        for (int t = 0; t < d; t++) {
            to[toAt + t] += w * from[fromAt + t];
        }
    }

    private static void addNormalised(double[] from, int fromAt, double[] to, int toAt, int d, double w) {
        double norm = 0;
        for (int t = 0; t < d; t++) {
            norm += from[fromAt + t] * from[fromAt + t];
        }
        if (norm > 0) {
            addScaled(from, fromAt, to, toAt, d, w / Math.sqrt(norm));
        }
    }
}
