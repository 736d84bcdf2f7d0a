package io.kgrec.model.schema;

import java.util.Set;

/**
 * Relationship types that kgrec itself derives (trained models, profiles). They are never knowledge-graph facts,
 * so traversals over the knowledge graph skip them.
 */
public final class ModelRelationships {
    /** Learned item–item association, written by training. */
    public static final String SIMILAR_TO = "SIMILAR_TO";
    /** Customer profile link to an attribute with an affinity share. */
    public static final String HAS_AFFINITY = "HAS_AFFINITY";

    private static final Set<String> ALL = Set.of(SIMILAR_TO, HAS_AFFINITY);

    private ModelRelationships() {
    }

    public static boolean isModelType(String relationshipType) {
        return ALL.contains(relationshipType);
    }

    public static Set<String> all() {
        return ALL;
    }
}
