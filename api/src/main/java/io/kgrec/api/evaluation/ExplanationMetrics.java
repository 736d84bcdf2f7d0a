package io.kgrec.api.evaluation;

import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ScoreTerm;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.kgrec.model.reason.PathKind;

/** Explanation metrics over customers' explained lists. */
public final class ExplanationMetrics {
    private ExplanationMetrics() {
    }

    public static ExplanationReport evaluate(Map<String, List<ExplainedItem>> lists) {
        int items = 0, withPath = 0, paths = 0, throughOthers = 0, scored = 0;
        double kindsPerList = 0, shownShare = 0, priorShare = 0, maxError = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (List<ExplainedItem> list : lists.values()) {
            EnumSet<PathKind> kinds = EnumSet.noneOf(PathKind.class);
            for (ExplainedItem item : list) {
                items++;
                if (!item.reasons().isEmpty()) {
                    withPath++;
                }
                double shown = 0;
                for (ReasonPath p : item.reasons()) {
                    paths++;
                    kinds.add(p.kind());
                    byKind.merge(p.kind().name(), 1, Integer::sum);
                    if (p.throughOtherCustomers()) {
                        throughOthers++;
                    }
                    shown += p.contribution();
                }
                double terms = 0, prior = 0;
                for (ScoreTerm t : item.terms()) {
                    terms += t.value();
                    if (t.name().endsWith("prior")) {
                        prior += t.value();
                    }
                }
                maxError = Math.max(maxError, Math.abs(item.score() - shown - terms));
                if (item.score() > 0) {
                    scored++;
                    shownShare += shown / item.score();
                    priorShare += prior / item.score();
                }
            }
            kindsPerList += kinds.size();
        }
        Map<String, Double> shares = new TreeMap<>();
        double entropy = 0;
        for (Map.Entry<String, Integer> e : byKind.entrySet()) {
            double p = (double) e.getValue() / paths;
            shares.put(e.getKey(), p);
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return new ExplanationReport(items, ratio(withPath, items), ratio(paths, items), shares, entropy,
                lists.isEmpty() ? 0 : kindsPerList / lists.size(), ratio(throughOthers, paths),
                scored == 0 ? 0 : shownShare / scored, scored == 0 ? 0 : priorShare / scored, maxError, 0, 0);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
