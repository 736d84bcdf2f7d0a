package io.kgrec.cypher.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shilling: a group of suspicious customers pushing one item. An item's audience is the customers who gave it their
 * top value (the highest rating in the data, or any interaction when it is not a rating). A suspect is a customer
 * whose {@link Suspicion} score reaches {@code minScore}. An item whose audience holds at least {@code minGroup}
 * suspects, making up at least {@code minShare} of it, is pushed.
 *
 * <p>Groups are taken greedily, largest first, and a suspect belongs to one group only: attack profiles give their
 * top value to some filler items by chance too, and without this those fillers would look like smaller pushes and
 * drag in the few real customers with unusual taste who also like them.
 */
final class PushGroups implements Detector {

    @Override
    public List<Finding> detect(DetectionInput in) {
        AnomalyConfig config = in.config();
        int[][] audience = audiences(in.log());
        boolean[] suspect = new boolean[in.log().customers()];
        for (int c = 0; c < suspect.length; c++) {
            suspect[c] = in.suspicion().score(c) >= config.minScore();
        }
        boolean[] taken = new boolean[suspect.length];
        List<Finding> findings = new ArrayList<>();
        while (true) {
            int best = -1;
            int bestCount = 0;
            for (int item = 0; item < audience.length; item++) {
                int count = unassignedSuspects(audience[item], suspect, taken);
                if (count >= config.minGroup() && count >= config.minShare() * audience[item].length
                        && count > bestCount) {
                    best = item;
                    bestCount = count;
                }
            }
            if (best < 0) {
                return findings;
            }
            findings.add(finding(in, best, audience[best], suspect, taken));
        }
    }

    private static Finding finding(DetectionInput in, int item, int[] audience, boolean[] suspect, boolean[] taken) {
        List<Finding.Member> members = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        for (int c : audience) {
            if (suspect[c] && !taken[c]) {
                taken[c] = true;
                group.add(c);
                members.add(new Finding.Member(c, in.suspicion().score(c), CustomerEvidence.of(in, c),
                        in.allInteractions(c)));
            }
        }
        double[] scores = members.stream().mapToDouble(Finding.Member::score).sorted().toArray();
        double median = RobustScale.median(scores);
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put("members", (double) group.size());
        evidence.put("audience", (double) audience.length);
        evidence.put("share", (double) group.size() / audience.length);
        evidence.put("medianSuspicion", median);
        TargetTimes times = TargetTimes.of(in.log(), item, group);
        if (times.known() > 1) {
            evidence.put("groupWindowHours", times.spanSeconds() / 3600.0);
        }
        double groupRating = meanRating(in.log(), item, group, true);
        double othersRating = meanRating(in.log(), item, group, false);
        if (!Double.isNaN(groupRating)) {
            evidence.put("groupMeanRating", groupRating);
        }
        if (!Double.isNaN(othersRating)) {
            evidence.put("othersMeanRating", othersRating);
        }
        String itemId = in.log().itemIds().get(item);
        String summary = String.format(Locale.ROOT, "%d suspicious customers (%.0f%% of the %d who gave it their top "
                + "value) push item %s; median suspicion %.1f", group.size(), 100.0 * group.size() / audience.length,
                audience.length, itemId, median);
        return new Finding(AnomalyKind.PUSH_GROUP, itemId, median, summary, evidence, members);
    }

    private static int unassignedSuspects(int[] audience, boolean[] suspect, boolean[] taken) {
        int n = 0;
        for (int c : audience) {
            if (suspect[c] && !taken[c]) {
                n++;
            }
        }
        return n;
    }

    /** Per item, the distinct customers who gave it the top value. */
    static int[][] audiences(InteractionLog log) {
        double top = topRating(log);
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < log.items(); i++) {
            lists.add(new ArrayList<>());
        }
        for (int c = 0; c < log.customers(); c++) {
            InteractionLog.Interactions list = log.of(c);
            for (int p = 0; p < list.size(); p++) {
                boolean topValue = !list.isRating(p) || list.value(p) >= top - 1e-9;
                List<Integer> audience = lists.get(list.item(p));
                if (topValue && (audience.isEmpty() || audience.get(audience.size() - 1) != c)) {
                    audience.add(c);
                }
            }
        }
        return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static double topRating(InteractionLog log) {
        double top = Double.NEGATIVE_INFINITY;
        for (InteractionLog.Interactions list : log.interactions()) {
            for (int p = 0; p < list.size(); p++) {
                if (list.isRating(p)) {
                    top = Math.max(top, list.value(p));
                }
            }
        }
        return top;
    }

    private static double meanRating(InteractionLog log, int item, List<Integer> group, boolean inGroup) {
        boolean[] member = new boolean[log.customers()];
        group.forEach(c -> member[c] = true);
        double sum = 0;
        int n = 0;
        for (int c = 0; c < log.customers(); c++) {
            if (member[c] != inGroup) {
                continue;
            }
            InteractionLog.Interactions list = log.of(c);
            for (int p = 0; p < list.size(); p++) {
                if (list.item(p) == item && list.isRating(p)) {
                    sum += list.value(p);
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The times at which a group interacted with the pushed item. */
    private record TargetTimes(long[] times) {
        static TargetTimes of(InteractionLog log, int item, List<Integer> group) {
            List<Long> times = new ArrayList<>();
            for (int c : group) {
                InteractionLog.Interactions list = log.of(c);
                for (int p = 0; p < list.size(); p++) {
                    if (list.item(p) == item && list.time(p) >= 0) {
                        times.add(list.time(p));
                    }
                }
            }
            return new TargetTimes(times.stream().mapToLong(Long::longValue).sorted().toArray());
        }

        int known() {
            return times.length;
        }

        long spanSeconds() {
            return times.length == 0 ? 0 : times[times.length - 1] - times[0];
        }
    }
}
