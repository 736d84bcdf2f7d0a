package io.kgrec.model.schema;

import java.util.Set;

/**
 * Relationship types that kgrec itself derives (trained models, profiles). They are never knowledge-graph facts,
 * so traversals over the knowledge graph skip them.
 */
public final class ModelRelationships {
    /**
     * Learned item–item weights, written by training: one relationship per (source, target) pair with the model
     * version and each path family's weight. A customer's score for the target is the sum, over the items they know,
     * of their interaction value times these weights (plus the prior).
     */
    public static final String SIMILAR_TO = "SIMILAR_TO";
    /** Segment → item: the item's popularity share within the segment, for the segment prior. */
    public static final String FAVOURS = "FAVOURS";
    /** Customer profile link to an attribute with an affinity share. */
    public static final String HAS_AFFINITY = "HAS_AFFINITY";

    /** Customer → item: the item was shown to the customer ({@code count}, {@code lastAt}), for exposure accounting. */
    public static final String SHOWN = "SHOWN";

    private static final Set<String> ALL = Set.of(SIMILAR_TO, FAVOURS, HAS_AFFINITY, SHOWN);

    private ModelRelationships() {
    }

    public static boolean isModelType(String relationshipType) {
        return ALL.contains(relationshipType);
    }

    public static Set<String> all() {
        return ALL;
    }
}
