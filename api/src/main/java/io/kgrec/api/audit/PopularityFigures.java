package io.kgrec.api.audit;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The head and the long tail. The head is the most popular {@code headShare} of the catalogue by number of items
 * (the common 20% convention), popularity being the number of customers who have the item, ties broken by id.
 */
final class PopularityFigures {
    private PopularityFigures() {
    }

    static Set<String> head(List<String> catalog, Map<String, Integer> popularity, double headShare) {
        int size = (int) Math.ceil(headShare * catalog.size());
        Set<String> head = new HashSet<>();
        catalog.stream()
                .sorted(Comparator.comparing((String i) -> -popularity.getOrDefault(i, 0)).thenComparing(i -> i))
                .limit(size).forEach(head::add);
        return head;
    }

    /** Share of recommendation slots (the first k of each list) given to items outside the head. */
    static double longTailShare(Map<String, List<String>> recommendations, Set<String> head) {
        long slots = 0;
        long tail = 0;
        for (List<String> list : recommendations.values()) {
            for (String item : list) {
                slots++;
                if (!head.contains(item)) {
                    tail++;
                }
            }
        }
        return slots == 0 ? 0 : (double) tail / slots;
    }

    /** Share of all customer–item interactions that are with items outside the head. */
    static double longTailInteractions(Map<String, Integer> popularity, Set<String> head) {
        long all = 0;
        long tail = 0;
        for (Map.Entry<String, Integer> e : popularity.entrySet()) {
            all += e.getValue();
            if (!head.contains(e.getKey())) {
                tail += e.getValue();
            }
        }
        return all == 0 ? 0 : (double) tail / all;
    }
}
