package io.kgrec.cypher.model;

import java.util.Arrays;

/**
 * What the model knows about one customer: the items H_u they already have, with transformed values x_uj, and their
 * value index in each customer-attribute column (empty when there are none, −1 when unknown). Items are dense item
 * indices, ascending.
 */
public record History(int[] items, double[] values, int[] attributes) {

    private static final int[] NONE = new int[0];

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

    public History(int[] items, double[] values) {
        this(items, values, NONE);
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

    public History withAttributes(int[] customerAttributes) {
        return new History(items, values, customerAttributes.clone());
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

    /** The customer's value in an attribute column, −1 when unknown. */
    public int attribute(int column) {
        return column >= 0 && column < attributes.length ? attributes[column] : -1;
    }
}
