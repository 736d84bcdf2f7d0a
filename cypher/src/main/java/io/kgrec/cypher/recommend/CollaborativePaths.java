package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;

/**
 * customer → known ← N other customers → item. For each known item, counts the other customers who also engaged
 * with each further item, then offers one aggregated path per (known, item) with a cosine-normalised contribution
 * {@code weight · n / sqrt(|known| · |item|)}, where {@code |x|} is the number of customers engaged with x.
 * Other customers appear only as the count n.
 */
final class CollaborativePaths {
    private static final RelationshipType[] INTERACTIONS = GraphSchema.interactionTypes();

    private final double weight;
    private final Map<Long, Integer> degreeCache = new HashMap<>();

    CollaborativePaths(double weight) {
        this.weight = weight;
    }

    void offer(CustomerHistory history, Candidates candidates) {
        if (weight == 0.0) {
            return;
        }
        Node customer = history.customer();
        for (Known known : history.items()) {
            Map<CoKey, long[]> counts = new HashMap<>();
            for (Relationship toKnown : known.item().getRelationships(Direction.INCOMING, INTERACTIONS)) {
                Node other = toKnown.getStartNode();
                if (other.equals(customer)) {
                    continue;
                }
                for (Relationship toItem : other.getRelationships(Direction.OUTGOING, INTERACTIONS)) {
                    Node item = toItem.getEndNode();
                    // known → N customers → the known item itself is no reason; it happens when known items are
                    // not excluded (repeat purchases, audiences)
                    if (!history.excludes(item) && !item.equals(known.item())) {
                        counts.computeIfAbsent(new CoKey(item, toKnown.getType(), toItem.getType()), k -> new long[1])[0]++;
                    }
                }
            }
            double knownDegree = degree(known.item());
            counts.forEach((key, n) -> {
                double contribution = weight * known.weight() * n[0] / Math.sqrt(knownDegree * degree(key.item()));
                candidates.offer(key.item(), new PathRef.Collaborative(known, key.otherToKnown(), n[0],
                        key.otherToItem(), contribution));
            });
        }
    }

    @SuppressWarnings("deprecation") // internal ids are stable within the transaction
    private int degree(Node item) {
        return degreeCache.computeIfAbsent(item.getId(), id -> {
            int d = 0;
            for (RelationshipType t : INTERACTIONS) {
                d += item.getDegree(t, Direction.INCOMING);
            }
            return d;
        });
    }

    private record CoKey(Node item, RelationshipType otherToKnown, RelationshipType otherToItem) {
    }
}
