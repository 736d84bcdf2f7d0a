package io.kgrec.cypher.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects interactions one at a time, for the graph reader and for hand-built test fixtures. Customers and items
 * get indices in the order they are first declared.
 */
public final class InteractionLogBuilder {
    private final Map<String, Integer> customerIndex = new LinkedHashMap<>();
    private final Map<String, Integer> itemIndex = new LinkedHashMap<>();
    private final List<List<Row>> rows = new ArrayList<>();

    private record Row(int item, double value, long count, long time, boolean rating, String relationship) {
    }

    /** Declares a customer, even one without interactions; returns its index. */
    public int customer(String id) {
        return customerIndex.computeIfAbsent(id, k -> {
            rows.add(new ArrayList<>());
            return rows.size() - 1;
        });
    }

    /** Declares an item; returns its index. */
    public int item(String id) {
        return itemIndex.computeIfAbsent(id, k -> itemIndex.size());
    }

    /**
     * @param value        per source row: the rating, or the mean amount
     * @param time         epoch seconds, −1 when unknown
     * @param relationship the interaction relationship's element id, or {@code null}
     */
    public InteractionLogBuilder add(String customer, String item, double value, long count, long time,
            boolean rating, String relationship) {
        rows.get(customer(customer)).add(new Row(item(item), value, count, time, rating, relationship));
        return this;
    }

    /** A single-row purchase-like interaction. */
    public InteractionLogBuilder add(String customer, String item, double value, long time) {
        return add(customer, item, value, 1, time, false, null);
    }

    /** A rating. */
    public InteractionLogBuilder rate(String customer, String item, double rating, long time) {
        return add(customer, item, rating, 1, time, true, null);
    }

    public InteractionLog build() {
        List<InteractionLog.Interactions> lists = new ArrayList<>(rows.size());
        for (List<Row> list : rows) {
            int n = list.size();
            int[] items = new int[n];
            double[] values = new double[n];
            long[] counts = new long[n];
            long[] times = new long[n];
            boolean[] ratings = new boolean[n];
            String[] relationships = new String[n];
            for (int p = 0; p < n; p++) {
                Row r = list.get(p);
                items[p] = r.item();
                values[p] = r.value();
                counts[p] = r.count();
                times[p] = r.time();
                ratings[p] = r.rating();
                relationships[p] = r.relationship();
            }
            lists.add(new InteractionLog.Interactions(items, values, counts, times, ratings, relationships));
        }
        return new InteractionLog(List.copyOf(customerIndex.keySet()), List.copyOf(itemIndex.keySet()), lists);
    }
}
