package io.kgrec.cypher.model;

import java.util.Arrays;

/**
 * The items H_u a customer already has, with their transformed values x_uj. This is everything the model needs about
 * a customer apart from an optional history size override for the prior. Items are dense item indices, ascending.
 */
public record History(int[] items, double[] values) {

    public History {
        if (items.length != values.length) {
            throw new IllegalArgumentException("items and values differ in length");
        }
        for (int p = 1; p < items.length; p++) {
            if (items[p] <= items[p - 1]) {
                throw new IllegalArgumentException("history items must be distinct and ascending");
            }
        }
    }

    /** Sorts the items, merges duplicates by summing raw values, then applies the transform. */
    public static History of(int[] items, double[] rawValues, InteractionTransform transform) {
        long[] packed = new long[items.length];
        for (int p = 0; p < items.length; p++) {
            packed[p] = ((long) items[p] << 32) | p;
        }
        Arrays.sort(packed);
        int[] sortedItems = new int[items.length];
        double[] raw = new double[items.length];
        int n = 0;
        for (long key : packed) {
            int item = (int) (key >>> 32);
            int at = (int) key;
            if (n > 0 && sortedItems[n - 1] == item) {
                raw[n - 1] += rawValues[at];
            } else {
                sortedItems[n] = item;
                raw[n++] = rawValues[at];
            }
        }
        double[] values = new double[n];
        for (int p = 0; p < n; p++) {
            values[p] = transform.apply(raw[p]);
        }
        return new History(Arrays.copyOf(sortedItems, n), values);
    }

    public int size() {
        return items.length;
    }

    public boolean contains(int item) {
        return Arrays.binarySearch(items, item) >= 0;
    }

    /** x_uj of a history item, 0 when the item is not in the history. */
    public double valueOf(int item) {
        int at = Arrays.binarySearch(items, item);
        return at >= 0 ? values[at] : 0.0;
    }
}
