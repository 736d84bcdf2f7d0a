package io.kgrec.cypher.profile;

import org.neo4j.graphdb.Node;

/**
 * A customer's leaning towards one attribute: the entity, its type, its share of the customer's interaction weight
 * among the entities of that type, and its rank within the type (1: strongest).
 */
record Affinity(Node entity, String entityKey, String entityName, String type, double share, int rank) {
}
