package io.kgrec.cypher.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Abnormal transactions: an amount per source row (quantity, plays) that is both {@code quantityZ} robust standard
 * deviations above the item's other interactions on a log scale and {@code quantityFactor} times their median. The
 * comparison is per item, so fuel bought by the litre or songs played thousands of times are judged against their
 * own kind. Ratings are levels on a fixed scale and are never judged; items with fewer than
 * {@code minItemInteractions} interactions are not judged either. One finding per customer, flagging only the
 * abnormal interactions.
 */
final class Quantities implements Detector {

    @Override
    public List<Finding> detect(DetectionInput in) {
        AnomalyConfig config = in.config();
        InteractionLog log = in.log();
        RobustScale[] perItem = itemScales(log, config.minItemInteractions());
        List<Finding> findings = new ArrayList<>();
        for (int c = 0; c < log.customers(); c++) {
            InteractionLog.Interactions list = log.of(c);
            List<Integer> flagged = new ArrayList<>();
            double worstZ = 0;
            double worstFactor = 0;
            for (int p = 0; p < list.size(); p++) {
                RobustScale scale = perItem[list.item(p)];
                if (list.isRating(p) || scale == null || list.value(p) <= 0) {
                    continue;
                }
                double z = scale.above(Math.log(list.value(p)));
                double factor = list.value(p) / Math.exp(scale.median());
                if (z >= config.quantityZ() && factor >= config.quantityFactor()) {
                    flagged.add(p);
                    worstZ = Math.max(worstZ, z);
                    worstFactor = Math.max(worstFactor, factor);
                }
            }
            if (!flagged.isEmpty()) {
                findings.add(finding(log, c, flagged, worstZ, worstFactor));
            }
        }
        return findings;
    }

    private static Finding finding(InteractionLog log, int c, List<Integer> flagged, double z, double factor) {
        Map<String, Double> evidence = new LinkedHashMap<>();
        evidence.put("flaggedInteractions", (double) flagged.size());
        evidence.put("largestFactor", factor);
        evidence.put("largestZ", z);
        String id = log.customerIds().get(c);
        String first = log.itemIds().get(log.of(c).item(flagged.get(0)));
        String summary = String.format(Locale.ROOT, "customer %s: %d interaction(s) with quantities up to %.0f times "
                + "the item's median (z %.1f), e.g. item %s", id, flagged.size(), factor, z, first);
        return new Finding(AnomalyKind.QUANTITY, id, z, summary, evidence, List.of(new Finding.Member(c, z, evidence,
                flagged.stream().mapToInt(Integer::intValue).toArray())));
    }

    /** Per item with enough non-rating interactions, the robust scale of ln(amount per row); else null. */
    private static RobustScale[] itemScales(InteractionLog log, int minInteractions) {
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < log.items(); i++) {
            values.add(new ArrayList<>());
        }
        for (InteractionLog.Interactions list : log.interactions()) {
            for (int p = 0; p < list.size(); p++) {
                if (!list.isRating(p) && list.value(p) > 0) {
                    values.get(list.item(p)).add(Math.log(list.value(p)));
                }
            }
        }
        RobustScale[] scales = new RobustScale[log.items()];
        for (int i = 0; i < scales.length; i++) {
            if (values.get(i).size() >= minInteractions) {
                scales[i] = RobustScale.of(values.get(i).stream().mapToDouble(Double::doubleValue).toArray(), 0.25);
            }
        }
        return scales;
    }
}
