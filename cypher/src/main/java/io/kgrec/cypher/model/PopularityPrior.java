package io.kgrec.cypher.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The named non-path terms: prior(u, i) = weight · max(1, |H_u|)^(−decay) · share_u(i), where share_u(i) is the
 * fraction of customers who have item i, or, when a segmentation is set and the customer's segment is known, the
 * shrunk share within their segment (see {@link SegmentShares}). It is what a customer with no history is
 * recommended; decay > 0 lets it fade as a customer's own paths become informative, decay < 0 makes it grow, for
 * families whose path sums grow with the history.
 */
public record PopularityPrior(double[] share, double weight, double decay, SegmentShares segments) {

    public static final String NAME = "popularity";

    public static PopularityPrior of(InteractionMatrix x, double weight, double decay) {
        double[] share = new double[x.items()];
        for (int i = 0; i < share.length; i++) {
            share[i] = x.customers() == 0 ? 0.0 : (double) x.itemCount(i) / x.customers();
        }
        return new PopularityPrior(share, weight, decay, null);
    }

    public PopularityPrior withStrength(double newWeight, double newDecay) {
        return new PopularityPrior(share, newWeight, newDecay, segments);
    }

    public PopularityPrior withSegments(SegmentShares newSegments) {
        return new PopularityPrior(share, weight, decay, newSegments);
    }

    /** The multiplier for a customer with this many history items. */
    public double strength(int historySize) {
        return decay == 0.0 ? weight : weight * Math.pow(Math.max(1, historySize), -decay);
    }

    public double value(History history, int item) {
        double total = 0;
        for (PriorContribution term : terms(history, item)) {
            total += term.value();
        }
        return total;
    }

    /** The prior split into its named parts: global popularity and, for a known segment, segment popularity. */
    public List<PriorContribution> terms(History history, int item) {
        List<PriorContribution> terms = new ArrayList<>(2);
        double strength = strength(history.size());
        int segment = segmentOf(history);
        double global = segment < 0 ? share[item] : segments.globalPart()[segment] * share[item];
        if (strength * global != 0.0) {
            terms.add(new PriorContribution(NAME, strength * global));
        }
        if (segment >= 0) {
            double own = (1 - segments.globalPart()[segment]) * segments.segmentShare()[segment][item];
            if (strength * own != 0.0) {
                terms.add(new PriorContribution(segments.termName(segment), strength * own));
            }
        }
        return terms;
    }

    void accumulate(History history, double[] scores) {
        double strength = strength(history.size());
        if (strength == 0.0) {
            return;
        }
        int segment = segmentOf(history);
        if (segment < 0) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] += strength * share[i];
            }
            return;
        }
        double alpha = segments.globalPart()[segment];
        double[] own = segments.segmentShare()[segment];
        for (int i = 0; i < scores.length; i++) {
            scores[i] += strength * (alpha * share[i]) + strength * ((1 - alpha) * own[i]);
        }
    }

    private int segmentOf(History history) {
        return segments == null ? -1 : history.attribute(segments.column());
    }
}
