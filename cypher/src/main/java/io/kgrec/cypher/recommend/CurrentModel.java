package io.kgrec.cypher.recommend;

import io.kgrec.cypher.model.InteractionTransform;
import io.kgrec.model.schema.Labels;
import io.kgrec.model.schema.ModelProperties;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * The trained model that serves: its version (only its {@code SIMILAR_TO} relationships are read), how it turns a
 * customer's raw interaction values into x_uj, and its prior.
 */
record CurrentModel(long version, long revision, InteractionTransform transform, double priorWeight,
        double priorDecay, String segmentColumn) {
    private static final Label MODEL = Label.label(Labels.MODEL);

    /** The current model, or {@code null} when none has been trained. */
    static CurrentModel find(Transaction tx) {
        try (var models = tx.findNodes(MODEL, ModelProperties.CURRENT, true)) {
            if (!models.hasNext()) {
                return null;
            }
            Node m = models.next();
            return new CurrentModel((Long) m.getProperty(ModelProperties.VERSION),
                    ((Number) m.getProperty(ModelProperties.REVISION, 0L)).longValue(),
                    InteractionTransform.valueOf((String) m.getProperty("transform")),
                    ((Number) m.getProperty("priorWeight", 0.0)).doubleValue(),
                    ((Number) m.getProperty("priorDecay", 0.0)).doubleValue(),
                    (String) m.getProperty("segmentColumn", null));
        }
    }

    /** x_uj for a raw interaction value, as the model was trained. */
    double value(double raw) {
        return transform.apply(raw);
    }

    /** The prior's multiplier for a customer with this many items: weight · max(1, n)^(−decay). */
    double priorStrength(int historySize) {
        return priorDecay == 0.0 ? priorWeight : priorWeight * Math.pow(Math.max(1, historySize), -priorDecay);
    }
}
