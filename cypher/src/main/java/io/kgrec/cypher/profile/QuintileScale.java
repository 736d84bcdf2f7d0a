package io.kgrec.cypher.profile;

import java.util.Arrays;

/**
 * Scores a value 1 to 5 by where it falls among all customers' values: 1 + ⌊5 · (customers with a smaller value) /
 * customers⌋. Equal values get equal scores, so the score depends only on the data, never on order.
 */
final class QuintileScale {
    private final double[] sorted;

    private QuintileScale(double[] sorted) {
        this.sorted = sorted;
    }

    static QuintileScale of(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new QuintileScale(copy);
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    int score(double value) {
        if (sorted.length == 0) {
            return 0;
        }
        int smaller = firstIndexOf(value);
        return 1 + (int) Math.floor(5.0 * smaller / sorted.length);
    }

    /** The number of values strictly smaller than {@code value}. */
    private int firstIndexOf(double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
