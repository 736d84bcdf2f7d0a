package io.kgrec.cypher.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One customer's burst: at least {@code minBurst} interactions inside one window, and {@code individualZ} robust
 * standard deviations above what customers do (on a log scale). The comparison is with this graph's customers, so a
 * catalogue where people rate fifty films in a sitting (MovieLens) does not flag them, and a grocery panel where a
 * household buys ten products per trip flags the account that buys a hundred in an hour. Only the interactions inside
 * the window are flagged; the rest of the customer's history still trains.
 */
final class Bursts implements Detector {

    @Override
    public List<Finding> detect(DetectionInput in) {
        AnomalyConfig config = in.config();
        double[] burst = in.features().burst();
        double[] logBurst = new double[burst.length];
        for (int c = 0; c < burst.length; c++) {
            logBurst[c] = Math.log(burst[c]);
        }
        RobustScale scale = RobustScale.of(logBurst, Signal.BURST.floor());
        List<Finding> findings = new ArrayList<>();
        for (int c = 0; c < burst.length; c++) {
            double z = scale.above(logBurst[c]);
            if (Double.isNaN(burst[c]) || burst[c] < config.minBurst() || z < config.individualZ()) {
                continue;
            }
            long start = in.features().burstStart()[c];
            int[] inWindow = inWindow(in.log().of(c), start, config.burstWindowSeconds());
            Map<String, Double> evidence = new LinkedHashMap<>();
            evidence.put("burst", burst[c]);
            evidence.put("windowSeconds", (double) config.burstWindowSeconds());
            evidence.put("windowStart", (double) start);
            evidence.put("typicalBurst", Math.exp(scale.median()));
            evidence.put("burstZ", z);
            evidence.put("interactions", (double) in.log().of(c).size());
            String id = in.log().customerIds().get(c);
            String summary = String.format(Locale.ROOT, "customer %s: %.0f interactions within %d s, where customers "
                    + "typically have %.0f (z %.1f)", id, burst[c], config.burstWindowSeconds(),
                    Math.exp(scale.median()), z);
            findings.add(new Finding(AnomalyKind.BURST, id, z, summary, evidence,
                    List.of(new Finding.Member(c, z, evidence, inWindow))));
        }
        return findings;
    }

    private static int[] inWindow(InteractionLog.Interactions list, long start, long width) {
        List<Integer> positions = new ArrayList<>();
        for (int p = 0; p < list.size(); p++) {
            if (list.time(p) >= start && list.time(p) - start < width) {
                positions.add(p);
            }
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }
}
