package io.kgrec.cypher.recommend;

import java.util.List;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

/**
 * A ranked item and what made its score: x_uj times the weight of each known item's relationship to it, plus the
 * prior. Built only for the items that are shown, so ranking itself stays array arithmetic.
 *
 * @param index         the item's dense index in the model snapshot
 * @param item          the item node
 * @param score         paths plus prior
 * @param contributions one per known item with a relationship to the item
 */
record ModelCandidate(int index, Node item, double score, List<Contribution> contributions) {

    /** One known item's share: x_uj times the weights on its relationship (by id) to the candidate. */
    record Contribution(Known known, double x, long similarity) {
        @SuppressWarnings("deprecation") // internal ids are stable within the transaction
        Relationship relationship(Transaction tx) {
            return tx.getRelationshipById(similarity);
        }
    }
}
