package io.kgrec.cypher.risk;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.model.schema.InteractionProperties;
import io.kgrec.model.schema.InteractionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/** Reads every customer's interactions from the graph, customers and items in id order. */
final class InteractionLogReader {
    private InteractionLogReader() {
    }

    static InteractionLog read(Transaction tx) {
        InteractionLogBuilder log = new InteractionLogBuilder();
        // Items first, in id order, so item indices do not depend on which customer is read first.
        for (Node item : sortedById(tx.findNodes(GraphSchema.ITEM))) {
            log.item(DisplayNames.key(item));
        }
        for (Node customer : sortedById(tx.findNodes(GraphSchema.CUSTOMER))) {
            String id = DisplayNames.key(customer);
            log.customer(id);
            for (Relationship r : customer.getRelationships(Direction.OUTGOING, GraphSchema.interactionTypes())) {
                long count = Math.max(1, number(r.getProperty(InteractionProperties.COUNT, 1L)).longValue());
                double raw = number(r.getProperty(InteractionProperties.RAW, 1.0)).doubleValue();
                long time = number(r.getProperty(InteractionProperties.TIMESTAMP, -1L)).longValue();
                boolean rating = InteractionType.valueOf(r.getType().name()).isRating();
                log.add(id, DisplayNames.key(r.getEndNode()), raw / count, count, time, rating, r.getElementId());
            }
        }
        return log.build();
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }

    private static List<Node> sortedById(ResourceIterator<Node> nodes) {
        List<Node> list = new ArrayList<>();
        try (nodes) {
            nodes.forEachRemaining(list::add);
        }
        list.sort(Comparator.comparing(DisplayNames::key));
        return list;
    }
}
