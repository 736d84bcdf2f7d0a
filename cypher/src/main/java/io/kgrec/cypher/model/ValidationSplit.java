package io.kgrec.cypher.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Holds out part of each customer's items for tuning, the way the benchmark splits were made: each customer's
 * distinct items are shuffled and round(fraction · n) go to the held-out set, keeping at least one item on each side
 * for customers with two or more. Deterministic for a given seed.
 */
public record ValidationSplit(InteractionMatrix train, Holdout holdout) {

    public static ValidationSplit holdOut(InteractionMatrix x, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        InteractionMatrix.Builder train = InteractionMatrix.builder(x.customers(), x.items());
        int[][] held = new int[x.customers()][];
        for (int c = 0; c < x.customers(); c++) {
            int[] items = x.itemsOf(c);
            double[] values = x.valuesOf(c);
            int[] order = shuffledPositions(items.length, random);
            int n = items.length;
            int heldOut = n < 2 ? 0 : Math.max(1, Math.min(n - 1, (int) Math.round(fraction * n)));
            List<Integer> out = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                int at = order[p];
                if (p < heldOut) {
                    out.add(items[at]);
                } else {
                    train.add(c, items[at], values[at]);
                }
            }
            held[c] = out.stream().mapToInt(Integer::intValue).toArray();
        }
        return new ValidationSplit(train.build(), new Holdout(held));
    }

    private static int[] shuffledPositions(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
        }
        for (int p = n - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int t = order[p];
            order[p] = order[q];
            order[q] = t;
        }
        return order;
    }
}
