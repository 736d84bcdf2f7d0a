package io.kgrec.cypher.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Held-out items per customer (indices of the training matrix), the relevance model used to rank configurations. */
public record Holdout(int[][] relevant) {

    public Holdout {
        relevant = Arrays.stream(relevant).map(r -> r == null ? new int[0] : r.clone()).toArray(int[][]::new);
        for (int[] r : relevant) {
            Arrays.sort(r);
        }
    }

    public int customers() {
        return relevant.length;
    }

    public int[] of(int customer) {
        return relevant[customer];
    }

    /** How many customers have at least one held-out item, i.e. are scored. */
    public int evaluated() {
        int n = 0;
        for (int[] r : relevant) {
            n += r.length > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Keeps the held-out items of at most {@code maxCustomers} of the evaluated customers, a uniform sample drawn
     * with {@code seed}; the others keep an empty set, so they are not scored (their items stay out of training,
     * which keeps the tuning data identical). Returns this holdout unchanged when it is within the limit.
     */
    public Holdout sample(int maxCustomers, long seed) {
        int evaluated = evaluated();
        if (evaluated <= maxCustomers) {
            return this;
        }
        int[] candidates = new int[evaluated];
        int n = 0;
        for (int c = 0; c < relevant.length; c++) {
            if (relevant[c].length > 0) {
                candidates[n++] = c;
            }
        }
        // A partial Fisher–Yates shuffle: the first maxCustomers positions are the sample.
        SplittableRandom random = new SplittableRandom(seed);
        for (int p = 0; p < maxCustomers; p++) {
            int q = p + random.nextInt(evaluated - p);
            int t = candidates[p];
            candidates[p] = candidates[q];
            candidates[q] = t;
        }
        int[][] kept = new int[relevant.length][];
        for (int p = 0; p < maxCustomers; p++) {
            kept[candidates[p]] = relevant[candidates[p]];
        }
        return new Holdout(kept);
    }
}
