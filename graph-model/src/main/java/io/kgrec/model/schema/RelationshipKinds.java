package io.kgrec.model.schema;

import java.util.HashSet;
import java.util.Set;

/**
 * Which relationship types are knowledge-graph facts. Everything a source loads as a fact (brands, genres, Satori
 * relations...) is knowledge; interactions, what kgrec derives (models, profiles) and marketing links are not.
 * Traversals that explain recommendations through shared attributes follow knowledge types only, and a source
 * relation may not take a non-knowledge name. Anomaly flags are not knowledge either.
 */
public final class RelationshipKinds {
    private static final Set<String> NON_KNOWLEDGE = nonKnowledgeTypes();

    private RelationshipKinds() {
    }

    /** The reserved types: interactions, model and profile types, marketing types. */
    public static Set<String> nonKnowledge() {
        return NON_KNOWLEDGE;
    }

    public static boolean isKnowledge(String relationshipType) {
        return !NON_KNOWLEDGE.contains(relationshipType);
    }

    private static Set<String> nonKnowledgeTypes() {
        Set<String> types = new HashSet<>(InteractionType.relationshipTypes());
        types.addAll(ModelRelationships.all());
        types.addAll(MarketingRelationships.all());
        types.add(RiskNames.FLAGGED);
        return Set.copyOf(types);
    }
}
