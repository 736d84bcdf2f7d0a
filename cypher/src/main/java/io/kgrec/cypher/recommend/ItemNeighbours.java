package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.graph.Jaccard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The knowledge-graph neighbours of items (entity keys and linked item ids), read once per item per request: what the
 * attribute filters test and what diversity compares. Only knowledge relationship types are read: an item's ratings,
 * purchases and model weights are hundreds of relationships each, and walking them all for the few hundred candidates
 * that diversity compares made a diversified list cost hundreds of thousands of relationship reads.
 */
final class ItemNeighbours {
    private final Map<String, Set<String>> cache = new HashMap<>();
    private final Transaction tx;
    /** The knowledge types in the graph, found when first needed (most requests never need them). */
    private RelationshipType[] knowledge;

    ItemNeighbours(Transaction tx) {
        this.tx = tx;
    }

    Set<String> of(Node item) {
        if (knowledge == null) {
            List<RelationshipType> types = new ArrayList<>();
            for (RelationshipType t : tx.getAllRelationshipTypesInUse()) {
                if (GraphSchema.isKnowledge(t)) {
                    types.add(t);
                }
            }
            knowledge = types.toArray(RelationshipType[]::new);
        }
        return cache.computeIfAbsent(item.getElementId(), id -> {
            Set<String> keys = new HashSet<>();
            if (knowledge.length > 0) {
                for (Relationship r : item.getRelationships(Direction.BOTH, knowledge)) {
                    keys.add(DisplayNames.key(r.getOtherNode(item)));
                }
            }
            return keys;
        });
    }

    /** Jaccard similarity of two items' neighbours; 0 when neither has any. */
    double similarity(Node a, Node b) {
        return Jaccard.of(of(a), of(b));
    }
}
