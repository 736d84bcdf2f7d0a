package io.kgrec.api.audit;

import io.kgrec.api.audit.AuditReport.GroupExposure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exposure by item group: each group's share of recommendation slots next to its share of the catalogue and of the
 * customers' interactions. An item in n groups counts 1/n in each, so shares add up to 1; items without a group
 * form the group {@link #NONE}. Beyond {@link #MAX_GROUPS} groups, the ones with the smallest interaction share are
 * summed into {@link #OTHER}.
 */
final class ExposureFigures {
    static final String NONE = "(none)";
    static final String OTHER = "(other groups)";
    static final int MAX_GROUPS = 20;

    private ExposureFigures() {
    }

    static List<GroupExposure> of(Map<String, List<String>> recommendations, Map<String, List<String>> groupsOf,
            List<String> catalog, Map<String, Integer> popularity) {
        Map<String, double[]> sums = new HashMap<>(); // group → {items, interactions, slots}
        double interactions = 0;
        for (String item : catalog) {
            int pop = popularity.getOrDefault(item, 0);
            interactions += pop;
            spread(groupsOf, item, sums, 0, 1);
            spread(groupsOf, item, sums, 1, pop);
        }
        double slots = 0;
        for (List<String> list : recommendations.values()) {
            for (String item : list) {
                slots++;
                spread(groupsOf, item, sums, 2, 1);
            }
        }
        List<GroupExposure> all = new ArrayList<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            all.add(exposure(e.getKey(), e.getValue(), catalog.size(), interactions, slots));
        }
        all.sort(Comparator.comparing(GroupExposure::interactionShare).reversed().thenComparing(GroupExposure::group));
        if (all.size() <= MAX_GROUPS) {
            return all;
        }
        double[] rest = new double[3];
        for (GroupExposure g : all.subList(MAX_GROUPS - 1, all.size())) {
            double[] s = sums.get(g.group());
            for (int k = 0; k < 3; k++) {
                rest[k] += s[k];
            }
        }
        List<GroupExposure> kept = new ArrayList<>(all.subList(0, MAX_GROUPS - 1));
        kept.add(exposure(OTHER, rest, catalog.size(), interactions, slots));
        return kept;
    }

    private static void spread(Map<String, List<String>> groupsOf, String item, Map<String, double[]> sums, int at,
            double amount) {
        List<String> groups = groupsOf.getOrDefault(item, List.of());
        if (groups.isEmpty()) {
            sums.computeIfAbsent(NONE, k -> new double[3])[at] += amount;
            return;
        }
        for (String g : groups) {
            sums.computeIfAbsent(g, k -> new double[3])[at] += amount / groups.size();
        }
    }

    private static GroupExposure exposure(String group, double[] s, int catalog, double interactions, double slots) {
        double interactionShare = interactions == 0 ? 0 : s[1] / interactions;
        double exposureShare = slots == 0 ? 0 : s[2] / slots;
        return new GroupExposure(group, s[0], catalog == 0 ? 0 : s[0] / catalog, interactionShare, exposureShare,
                interactionShare == 0 ? 0 : exposureShare / interactionShare);
    }
}
