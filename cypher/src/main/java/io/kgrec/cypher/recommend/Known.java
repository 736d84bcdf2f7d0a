package io.kgrec.cypher.recommend;

import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;

/**
 * An item the customer already interacted with: the start of every reason path.
 *
 * @param item   the item node
 * @param type   the customer's interaction type with it (the strongest, when there are several)
 * @param weight the interaction's strength as used in scoring
 */
record Known(Node item, RelationshipType type, double weight) {
}
