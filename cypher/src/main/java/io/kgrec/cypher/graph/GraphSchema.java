package io.kgrec.cypher.graph;

import io.kgrec.model.schema.InteractionType;
import io.kgrec.model.schema.Labels;
import io.kgrec.model.schema.RelationshipKinds;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.RelationshipType;

/** The graph-model names as Neo4j objects, created once. */
public final class GraphSchema {
    public static final Label CUSTOMER = Label.label(Labels.CUSTOMER);
    public static final Label ITEM = Label.label(Labels.ITEM);
    public static final Label ENTITY = Label.label(Labels.ENTITY);

    private static final RelationshipType[] INTERACTIONS = InteractionType.relationshipTypes().stream()
            .sorted()
            .map(RelationshipType::withName)
            .toArray(RelationshipType[]::new);

    private GraphSchema() {
    }

    /** All interaction relationship types; a fresh array each call, so callers cannot corrupt it. */
    public static RelationshipType[] interactionTypes() {
        return INTERACTIONS.clone();
    }

    public static boolean isInteraction(RelationshipType type) {
        return InteractionType.isInteraction(type.name());
    }

    /** A knowledge-graph fact: neither an interaction, nor something kgrec derived, nor a marketing link. */
    public static boolean isKnowledge(RelationshipType type) {
        return RelationshipKinds.isKnowledge(type.name());
    }
}
