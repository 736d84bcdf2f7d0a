package io.kgrec.cypher.recommend;

import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;

/**
 * An item the customer already interacted with: the start of every reason path.
 *
 * @param item   the item node
 * @param type   the customer's interaction type with it (the first found, when there are several)
 * @param weight the interaction's strength as the untrained path recommender uses it (1: every item counts once)
 * @param raw    the summed source value over all the customer's interactions with the item, which a trained model
 *               transforms into its own x_uj
 */
record Known(Node item, RelationshipType type, double weight, double raw) {
}
