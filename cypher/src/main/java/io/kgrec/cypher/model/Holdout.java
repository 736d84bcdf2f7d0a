package io.kgrec.cypher.model;

import java.util.Arrays;

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
}
