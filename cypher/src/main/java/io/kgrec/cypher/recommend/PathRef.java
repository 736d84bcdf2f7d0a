package io.kgrec.cypher.recommend;

import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;

/**
 * A reason path as found during scoring, before it is turned into a {@link io.kgrec.model.reason.ReasonPath}. Most
 * paths never leave scoring (only the top few per item are returned), so this form is kept small.
 */
sealed interface PathRef {
    double contribution();

    Known known();

    /** customer → known ←[otherToKnown]- N customers -[otherToItem]→ item. */
    record Collaborative(Known known, RelationshipType otherToKnown, long customers, RelationshipType otherToItem,
            double contribution) implements PathRef {
    }

    /**
     * customer → known -[relation]- entity -[relation]- item, where both items point the same way: out of the items
     * when {@code outgoing}, into them otherwise.
     */
    record SharedEntity(Known known, RelationshipType relation, Node entity, boolean outgoing, double contribution)
            implements PathRef {
    }

    /** customer → known -[toTarget]→ target item ←[fromItem]- item: both items point to the same item. */
    record SharedTarget(Known known, RelationshipType knownToTarget, Node target, RelationshipType itemToTarget,
            double contribution) implements PathRef {
    }

    /** customer → known -[relation]- item: the knowledge graph links the two items directly. */
    record LinkedItem(Known known, RelationshipType relation, boolean outgoing, double contribution) implements PathRef {
    }

    /**
     * customer → known -[SIMILAR_TO]→ item: a weight the trained model stored, shown as the relationship itself, e.g.
     * a graph-embedding similarity, or a collaborative weight between items no customer currently shares.
     *
     * @param family what the weight measures, for the sentence ("graph embedding", "co-engagement")
     */
    record Learned(Known known, String family, double contribution) implements PathRef {
    }
}
