package io.kgrec.cypher.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Implausible volume: a customer with at least {@code minVolume} distinct interactions, or source rows, lying
 * {@code individualZ} robust standard deviations above the other customers on a log scale. The log scale matters:
 * activity is heavy-tailed, and the heaviest real customers of ml-100k and completejourney stay near z 2.
 */
final class Volumes implements Detector {

    @Override
    public List<Finding> detect(DetectionInput in) {
        AnomalyConfig config = in.config();
        int customers = in.log().customers();
        double[] logInteractions = new double[customers];
        double[] logRows = new double[customers];
        for (int c = 0; c < customers; c++) {
            logInteractions[c] = Math.log(Math.max(1, in.features().interactions()[c]));
            logRows[c] = Math.log(Math.max(1, in.features().rows()[c]));
        }
        RobustScale interactionScale = RobustScale.of(logInteractions, 0.1);
        RobustScale rowScale = RobustScale.of(logRows, 0.1);
        List<Finding> findings = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int interactions = in.features().interactions()[c];
            long rows = in.features().rows()[c];
            double zInteractions = interactionScale.above(logInteractions[c]);
            double zRows = rowScale.above(logRows[c]);
            boolean manyInteractions = interactions >= config.minVolume() && zInteractions >= config.individualZ();
            boolean manyRows = rows >= config.minVolume() && zRows >= config.individualZ();
            if (!manyInteractions && !manyRows) {
                continue;
            }
            double z = Math.max(zInteractions, zRows);
            Map<String, Double> evidence = new LinkedHashMap<>();
            evidence.put("interactions", (double) interactions);
            evidence.put("typicalInteractions", Math.exp(interactionScale.median()));
            evidence.put("interactionsZ", zInteractions);
            evidence.put("rows", (double) rows);
            evidence.put("typicalRows", Math.exp(rowScale.median()));
            evidence.put("rowsZ", zRows);
            String id = in.log().customerIds().get(c);
            String summary = String.format(Locale.ROOT, "customer %s: %d interactions from %d source rows, where "
                    + "customers typically have %.0f from %.0f (z %.1f)", id, interactions, rows,
                    Math.exp(interactionScale.median()), Math.exp(rowScale.median()), z);
            findings.add(new Finding(AnomalyKind.VOLUME, id, z, summary, evidence,
                    List.of(new Finding.Member(c, z, evidence, in.allInteractions(c)))));
        }
        return findings;
    }
}
