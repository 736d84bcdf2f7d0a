package io.kgrec.cypher.recommend;

import org.neo4j.graphdb.Node;

/**
 * A candidate as a recommender ranked it, before business rules: the item, its score, and the recommender's own
 * handle to explain it later.
 */
record Ranked(Node item, double score, Object handle) {
    Ranked withScore(double newScore) {
        return new Ranked(item, newScore, handle);
    }
}
