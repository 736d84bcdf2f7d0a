package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;

/**
 * customer → known -[r]- entity -[r]- item, and customer → known -[r]- item for direct knowledge-graph links.
 * A shared entity contributes {@code weight · ln(N / d) / sqrt(d)}, where N is the number of items and d the number
 * of items linked to the entity by the same relationship: a shared director says more than a shared department.
 * Entities linking more than {@code maxDegree} items (a brand type, a top-level department) are too generic to
 * explain anything and are not followed.
 */
final class AttributePaths {
    private final double weight;
    private final long itemCount;
    private final int maxDegree;

    AttributePaths(double weight, long itemCount, int maxDegree) {
        this.weight = weight;
        this.itemCount = Math.max(1, itemCount);
        this.maxDegree = maxDegree;
    }

    void offer(CustomerHistory history, Candidates candidates) {
        if (weight == 0.0) {
            return;
        }
        for (Known known : history.items()) {
            Node from = known.item();
            for (Relationship r : from.getRelationships()) {
                if (!GraphSchema.isKnowledge(r.getType())) {
                    continue;
                }
                Node other = r.getOtherNode(from);
                boolean outgoing = r.getStartNode().equals(from);
                if (other.hasLabel(GraphSchema.ITEM)) {
                    if (!history.excludes(other)) {
                        // A direct link is as specific as an entity shared by two items.
                        double contribution = weight * known.weight() * informativeness(2);
                        candidates.offer(other, new PathRef.LinkedItem(known, r.getType(), outgoing, contribution));
                    }
                    continue;
                }
                Direction back = outgoing ? Direction.INCOMING : Direction.OUTGOING;
                int sharing = other.getDegree(r.getType(), back);
                if (sharing > maxDegree) {
                    continue;
                }
                double contribution = weight * known.weight() * informativeness(sharing);
                for (Relationship r2 : other.getRelationships(back, r.getType())) {
                    Node item = r2.getOtherNode(other);
                    if (!item.equals(from) && item.hasLabel(GraphSchema.ITEM) && !history.excludes(item)) {
                        candidates.offer(item, new PathRef.SharedEntity(known, r.getType(), other, outgoing, contribution));
                    }
                }
            }
        }
    }

    private double informativeness(int itemsSharing) {
        int d = Math.max(1, itemsSharing);
        return Math.log((double) itemCount / d) / Math.sqrt(d);
    }
}
