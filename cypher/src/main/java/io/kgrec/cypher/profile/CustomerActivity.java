package io.kgrec.cypher.profile;

import java.util.Map;
import org.neo4j.graphdb.Node;

/**
 * What a customer's interactions add up to.
 *
 * @param frequency   interaction events: source rows merged into the customer's interactions (their {@code count})
 * @param monetary    money spent, or {@code null} when no interaction carries money
 * @param latest      epoch seconds of the latest interaction, or {@code null} when none carries a time
 * @param itemWeights each item the customer engaged with → the summed {@code weight} of those interactions, in
 *                    item-key order (so sums over it are the same on every run)
 */
record CustomerActivity(Node customer, String customerId, long frequency, Double monetary, Long latest,
        Map<Node, Double> itemWeights) {
    boolean isActive() {
        return frequency > 0;
    }
}
