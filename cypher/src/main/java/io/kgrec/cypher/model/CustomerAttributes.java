package io.kgrec.cypher.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Optional categorical customer attributes (age band, household composition, ...), one column per attribute, each
 * customer holding one value index or −1 when unknown. The model can use one column as a segmentation for the
 * popularity prior ("popular with households like yours").
 */
public final class CustomerAttributes {
    private final List<String> names;
    private final List<int[]> valueOf;
    private final List<List<String>> valueIds;
    private final int customers;

    private CustomerAttributes(int customers, List<String> names, List<int[]> valueOf, List<List<String>> valueIds) {
        this.customers = customers;
        this.names = List.copyOf(names);
        this.valueOf = List.copyOf(valueOf);
        this.valueIds = valueIds.stream().map(List::copyOf).toList();
    }

    public static CustomerAttributes none(int customers) {
        return new CustomerAttributes(customers, List.of(), List.of(), List.of());
    }

    public static Builder builder(int customers) {
        return new Builder(customers);
    }

    public int customers() {
        return customers;
    }

    public int columns() {
        return names.size();
    }

    public String name(int column) {
        return names.get(column);
    }

    public int column(String name) {
        return names.indexOf(name);
    }

    /** Value index of a customer in a column, −1 when unknown. */
    public int value(int column, int customer) {
        return customer < customers ? valueOf.get(column)[customer] : -1;
    }

    public int values(int column) {
        return valueIds.get(column).size();
    }

    public String valueId(int column, int value) {
        return valueIds.get(column).get(value);
    }

    /** The customer's value in every column, as {@link History} carries them. */
    public int[] of(int customer) {
        int[] values = new int[names.size()];
        for (int column = 0; column < values.length; column++) {
            values[column] = value(column, customer);
        }
        return values;
    }

    /** Collects columns of string values and indexes each column's distinct values. */
    public static final class Builder {
        private final int customers;
        private final List<String> names = new ArrayList<>();
        private final List<int[]> valueOf = new ArrayList<>();
        private final List<List<String>> valueIds = new ArrayList<>();

        private Builder(int customers) {
            this.customers = customers;
        }

        /** Adds a column from each customer's value (null or empty = unknown). */
        public Builder column(String name, String[] valuePerCustomer) {
            if (valuePerCustomer.length != customers) {
                throw new IllegalArgumentException("column " + name + " has " + valuePerCustomer.length
                        + " values for " + customers + " customers");
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> ids = new ArrayList<>();
            int[] values = new int[customers];
            for (int c = 0; c < customers; c++) {
                String v = valuePerCustomer[c];
                values[c] = v == null || v.isEmpty() ? -1 : index.computeIfAbsent(v, k -> {
                    ids.add(k);
                    return ids.size() - 1;
                });
            }
            names.add(name);
            valueOf.add(values);
            valueIds.add(ids);
            return this;
        }

        public CustomerAttributes build() {
            return new CustomerAttributes(customers, names, valueOf, valueIds);
        }
    }
}
