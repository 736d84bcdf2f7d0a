package io.kgrec.cypher.recommend;

import io.kgrec.cypher.privacy.Consent;
import io.kgrec.model.reason.ScoreTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * The current model's prior for one customer: strength(|H|) · share(i), or, when the customer belongs to a segment
 * of the model's segmentation, strength · (α · share(i) + (1 − α) · share_segment(i)), split into two named terms.
 * For a customer with no history it is all there is: the strength is then 1.
 */
final class SegmentPrior {
    private final double strength;
    private final double globalPart;
    private final String segmentName;
    private final double[] popularity;
    private final double[] segmentShare;

    private SegmentPrior(double strength, double globalPart, String segmentName, double[] popularity,
            double[] segmentShare) {
        this.strength = strength;
        this.globalPart = globalPart;
        this.segmentName = segmentName;
        this.popularity = popularity;
        this.segmentShare = segmentShare;
    }

    static SegmentPrior of(Transaction tx, CurrentModel model, ModelStore.Snapshot snapshot, Node customer,
            int historySize) {
        // Without a history the prior is the whole score, so its scale is irrelevant; use 1 even when the model,
        // tuned on customers with histories, switched the prior off.
        double strength = historySize == 0 ? 1.0 : model.priorStrength(historySize);
        if (strength == 0.0 || model.segmentColumn() == null) {
            return new SegmentPrior(strength, 1.0, null, snapshot.popularity(), null);
        }
        Object value = customer == null || Consent.optedOut(customer) ? null : customer.getProperty(model.segmentColumn(), null);
        if (value == null) {
            return new SegmentPrior(strength, 1.0, null, snapshot.popularity(), null);
        }
        String key = "v" + model.version() + ":" + model.segmentColumn() + "=" + value;
        Node segment = tx.findNode(org.neo4j.graphdb.Label.label(io.kgrec.model.schema.Labels.SEGMENT), "key", key);
        if (segment == null) {
            return new SegmentPrior(strength, 1.0, null, snapshot.popularity(), null);
        }
        return new SegmentPrior(strength, ((Number) segment.getProperty("globalPart")).doubleValue(),
                model.segmentColumn() + "=" + value, snapshot.popularity(), snapshot.segmentShares(tx, key));
    }

    /** The prior of an item (by dense index): the sum of {@link #terms}, computed the same way. */
    double value(int item) {
        if (strength == 0.0) {
            return 0.0;
        }
        double total = strength * globalPart * popularity[item];
        if (segmentShare != null) {
            total += strength * (1 - globalPart) * segmentShare[item];
        }
        return total;
    }

    List<ScoreTerm> terms(int item) {
        List<ScoreTerm> terms = new ArrayList<>(2);
        if (strength == 0.0) {
            return terms;
        }
        double global = strength * globalPart * popularity[item];
        if (global != 0.0) {
            terms.add(new ScoreTerm("popularity_prior", global, String.format(Locale.ROOT,
                    "Popular: %.1f%% of customers have it.", 100 * popularity[item])));
        }
        if (segmentShare != null) {
            double part = strength * (1 - globalPart) * segmentShare[item];
            if (part != 0.0) {
                terms.add(new ScoreTerm("segment_prior", part, String.format(Locale.ROOT,
                        "Popular with customers like you (%s): %.1f%% of them have it.", segmentName,
                        100 * segmentShare[item])));
            }
        }
        return terms;
    }
}
