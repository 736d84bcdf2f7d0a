package io.kgrec.cypher.model;

import java.util.Arrays;

/**
 * Customers × items implicit-feedback matrix, stored twice: by customer (CSR) for scoring histories and by item (CSC)
 * for co-occurrence counting. Values are the raw interaction weights (rating, quantity, play count); the model decides
 * how to transform them. Items may have no interactions at all: they are the cold-start items.
 */
public final class InteractionMatrix {
    private final int customers;
    private final int items;
    private final int[] rowStart;
    private final int[] rowItems;
    private final double[] rowValues;
    private final int[] columnStart;
    private final int[] columnCustomers;
    private final double[] columnValues;

    private InteractionMatrix(int customers, int items, int[] rowStart, int[] rowItems, double[] rowValues) {
        this.customers = customers;
        this.items = items;
        this.rowStart = rowStart;
        this.rowItems = rowItems;
        this.rowValues = rowValues;
        this.columnStart = new int[items + 1];
        for (int item : rowItems) {
            columnStart[item + 1]++;
        }
        for (int i = 0; i < items; i++) {
            columnStart[i + 1] += columnStart[i];
        }
        int[] fill = Arrays.copyOf(columnStart, items);
        this.columnCustomers = new int[rowItems.length];
        this.columnValues = new double[rowItems.length];
        for (int c = 0; c < customers; c++) {
            for (int p = rowStart[c]; p < rowStart[c + 1]; p++) {
                int slot = fill[rowItems[p]]++;
                columnCustomers[slot] = c;
                columnValues[slot] = rowValues[p];
            }
        }
    }

    public static Builder builder(int customers, int items) {
        return new Builder(customers, items);
    }

    public int customers() {
        return customers;
    }

    public int items() {
        return items;
    }

    public int nonZeros() {
        return rowItems.length;
    }

    /** Items of one customer, ascending. The returned array is a copy. */
    public int[] itemsOf(int customer) {
        return Arrays.copyOfRange(rowItems, rowStart[customer], rowStart[customer + 1]);
    }

    /** Raw values aligned with {@link #itemsOf(int)}. */
    public double[] valuesOf(int customer) {
        return Arrays.copyOfRange(rowValues, rowStart[customer], rowStart[customer + 1]);
    }

    public int historySize(int customer) {
        return rowStart[customer + 1] - rowStart[customer];
    }

    /** Number of customers who interacted with the item. */
    public int itemCount(int item) {
        return columnStart[item + 1] - columnStart[item];
    }

    public int[] itemCounts() {
        int[] counts = new int[items];
        for (int i = 0; i < items; i++) {
            counts[i] = itemCount(i);
        }
        return counts;
    }

    /** The customer's history with values passed through the transform. */
    public History history(int customer, InteractionTransform transform) {
        return History.of(itemsOf(customer), valuesOf(customer), transform);
    }

    int rowStart(int customer) {
        return rowStart[customer];
    }

    int rowEnd(int customer) {
        return rowStart[customer + 1];
    }

    int rowItem(int position) {
        return rowItems[position];
    }

    double rowValue(int position) {
        return rowValues[position];
    }

    int columnStart(int item) {
        return columnStart[item];
    }

    int columnEnd(int item) {
        return columnStart[item + 1];
    }

    int columnCustomer(int position) {
        return columnCustomers[position];
    }

    double columnValue(int position) {
        return columnValues[position];
    }

    /** True when every value is equal, so a weighting of values can change nothing. */
    public boolean isBinary() {
        for (double v : rowValues) {
            if (v != rowValues[0]) {
                return false;
            }
        }
        return true;
    }

    /** Collects (customer, item, value) triples; a repeated pair adds up, like the canonical aggregation. */
    public static final class Builder {
        private final int customers;
        private final int items;
        private int size;
        private long[] keys = new long[1024];
        private double[] values = new double[1024];

        private Builder(int customers, int items) {
            if (customers < 0 || items < 0) {
                throw new IllegalArgumentException("customers and items must be >= 0");
            }
            this.customers = customers;
            this.items = items;
        }

        public Builder add(int customer, int item, double value) {
            if (customer < 0 || customer >= customers || item < 0 || item >= items) {
                throw new IllegalArgumentException("interaction (" + customer + ", " + item + ") is out of range");
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("interaction values must be positive and finite, got " + value);
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = (long) customer * items + item;
            values[size++] = value;
            return this;
        }

        public InteractionMatrix build() {
            Integer[] order = new Integer[size];
            for (int p = 0; p < size; p++) {
                order[p] = p;
            }
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            int[] rowStart = new int[customers + 1];
            int[] rowItems = new int[size];
            double[] rowValues = new double[size];
            int n = 0;
            long last = -1;
            for (int p : order) {
                if (keys[p] == last) {
                    rowValues[n - 1] += values[p];
                    continue;
                }
                last = keys[p];
                int customer = (int) (last / items);
                rowItems[n] = (int) (last % items);
                rowValues[n++] = values[p];
                rowStart[customer + 1]++;
            }
            for (int c = 0; c < customers; c++) {
                rowStart[c + 1] += rowStart[c];
            }
            return new InteractionMatrix(customers, items, rowStart, Arrays.copyOf(rowItems, n),
                    Arrays.copyOf(rowValues, n));
        }
    }
}
