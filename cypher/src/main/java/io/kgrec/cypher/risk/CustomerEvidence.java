package io.kgrec.cypher.risk;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures shown for a flagged customer: their suspicion, each signal's z-score, and the raw features. */
final class CustomerEvidence {
    private CustomerEvidence() {
    }

    static Map<String, Double> of(DetectionInput in, int customer) {
        Map<String, Double> e = new LinkedHashMap<>();
        e.put("suspicion", in.suspicion().score(customer));
        for (Signal s : Signal.values()) {
            e.put(s.evidenceName(), in.suspicion().z(customer, s));
        }
        CustomerFeatures f = in.features();
        e.put("interactions", (double) f.interactions()[customer]);
        e.put("meanLogPopularity", f.meanLogPopularity()[customer]);
        putKnown(e, "ratingDeviation", f.ratingDeviation()[customer]);
        putKnown(e, "spanDays", Math.expm1(f.logSpan()[customer]) / 86_400);
        putKnown(e, "burst", f.burst()[customer]);
        putKnown(e, "neighbourSimilarity", f.neighbourSimilarity()[customer]);
        return e;
    }

    private static void putKnown(Map<String, Double> e, String name, double value) {
        if (!Double.isNaN(value)) {
            e.put(name, value);
        }
    }
}
