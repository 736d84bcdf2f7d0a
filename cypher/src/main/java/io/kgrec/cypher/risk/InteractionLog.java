package io.kgrec.cypher.risk;

import java.util.List;

/**
 * Every customer's interactions as the detectors see them: dense customer and item indices, and per interaction
 * the item, the source value per row ({@code raw / count}: the rating itself for ratings, the mean quantity for
 * purchases), the number of source rows, the latest time (−1 when unknown), whether it is a rating, and the
 * relationship it came from (so flags can be written back). Customers are in id order, so the same graph gives the
 * same indices.
 *
 * @param customerIds  id of each customer index
 * @param itemIds      id of each item index
 * @param interactions per customer, its interactions
 */
public record InteractionLog(List<String> customerIds, List<String> itemIds, List<Interactions> interactions) {

    public InteractionLog {
        customerIds = List.copyOf(customerIds);
        itemIds = List.copyOf(itemIds);
        interactions = List.copyOf(interactions);
        if (customerIds.size() != interactions.size()) {
            throw new IllegalArgumentException(customerIds.size() + " customer ids for " + interactions.size()
                    + " interaction lists");
        }
    }

    public int customers() {
        return customerIds.size();
    }

    public int items() {
        return itemIds.size();
    }

    public Interactions of(int customer) {
        return interactions.get(customer);
    }

    /** How many customers interacted with each item: the popularity every detector compares against. */
    public int[] itemDegrees() {
        int[] degree = new int[items()];
        for (Interactions list : interactions) {
            for (int p = 0; p < list.size(); p++) {
                degree[list.item(p)]++;
            }
        }
        return degree;
    }

    /**
     * One customer's interactions, aligned arrays. A customer who both viewed and bought an item has two entries
     * for it.
     *
     * @param relationships element id of each interaction relationship; {@code null} entries in hand-built logs
     */
    public record Interactions(int[] items, double[] values, long[] counts, long[] times, boolean[] ratings,
            String[] relationships) {
        public Interactions {
            int n = items.length;
            if (values.length != n || counts.length != n || times.length != n || ratings.length != n
                    || relationships.length != n) {
                throw new IllegalArgumentException("interaction arrays differ in length");
            }
        }

        public int size() {
            return items.length;
        }

        public int item(int p) {
            return items[p];
        }

        public double value(int p) {
            return values[p];
        }

        public long count(int p) {
            return counts[p];
        }

        /** Epoch seconds of the latest row, −1 when unknown. */
        public long time(int p) {
            return times[p];
        }

        public boolean isRating(int p) {
            return ratings[p];
        }

        public String relationship(int p) {
            return relationships[p];
        }
    }
}
