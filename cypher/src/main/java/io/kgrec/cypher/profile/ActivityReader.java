package io.kgrec.cypher.profile;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.privacy.Consent;
import io.kgrec.model.schema.InteractionProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/** Reads customers' interactions into {@link CustomerActivity}, in customer-id order. */
final class ActivityReader {
    private ActivityReader() {
    }

    static List<CustomerActivity> all(Transaction tx) {
        List<CustomerActivity> all = new ArrayList<>();
        try (ResourceIterator<Node> customers = tx.findNodes(GraphSchema.CUSTOMER)) {
            customers.forEachRemaining(c -> all.add(of(c)));
        }
        all.sort(Comparator.comparing(CustomerActivity::customerId));
        return all;
    }

    static CustomerActivity of(Node customer) {
        record Interaction(String itemKey, String type, Node item, double weight, long count, Double spend,
                Long timestamp) {
        }
        List<Interaction> interactions = new ArrayList<>();
        // A customer who opted out of profiling reads as inactive: no scores, no segment, no affinities, and the
        // profile writer removes whatever an earlier profile stored.
        Iterable<Relationship> history = Consent.optedOut(customer) ? List.of()
                : customer.getRelationships(Direction.OUTGOING, GraphSchema.interactionTypes());
        for (Relationship r : history) {
            Node item = r.getEndNode();
            interactions.add(new Interaction(DisplayNames.key(item), r.getType().name(), item,
                    number(r.getProperty(InteractionProperties.WEIGHT, 1.0)),
                    (long) number(r.getProperty(InteractionProperties.COUNT, 1L)),
                    r.hasProperty(InteractionProperties.SPEND) ? number(r.getProperty(InteractionProperties.SPEND))
                            : null,
                    r.hasProperty(InteractionProperties.TIMESTAMP)
                            ? (long) number(r.getProperty(InteractionProperties.TIMESTAMP)) : null));
        }
        // Relationship order depends on storage; sorting makes every sum below add in the same order.
        interactions.sort(Comparator.comparing(Interaction::itemKey).thenComparing(Interaction::type));
        long frequency = 0;
        Double monetary = null;
        Long latest = null;
        Map<Node, Double> itemWeights = new LinkedHashMap<>();
        for (Interaction i : interactions) {
            frequency += i.count();
            if (i.spend() != null) {
                monetary = (monetary == null ? 0.0 : monetary) + i.spend();
            }
            if (i.timestamp() != null && (latest == null || i.timestamp() > latest)) {
                latest = i.timestamp();
            }
            itemWeights.merge(i.item(), i.weight(), Double::sum);
        }
        return new CustomerActivity(customer, DisplayNames.key(customer), frequency, monetary, latest, itemWeights);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }
}
