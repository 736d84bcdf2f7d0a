package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.graph.InteractionValues;
import io.kgrec.cypher.privacy.Consent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * A customer and the items they interacted with, read once per request. A customer who opted out of profiling has,
 * as far as recommending goes, no history.
 */
final class CustomerHistory {
    /** How a session's items count: as viewed, the weakest interaction a visit implies. */
    private static final RelationshipType SESSION = RelationshipType.withName("VIEWED");

    private final Node customer;
    private final Map<Long, Known> known;
    private final boolean excludeKnown;

    private CustomerHistory(Node customer, Map<Long, Known> known, boolean excludeKnown) {
        this.customer = customer;
        this.known = known;
        this.excludeKnown = excludeKnown;
    }

    /**
     * @throws IllegalArgumentException if no customer has this id
     */
    @SuppressWarnings("deprecation") // internal ids are stable within the transaction
    static CustomerHistory load(Transaction tx, String customerId) {
        return load(tx, customerId, true);
    }

    /**
     * @param excludeKnown whether the walk may not end at items the customer already has (the default); with
     *                     {@code false} a shop can recommend repeat purchases
     * @throws IllegalArgumentException if no customer has this id
     */
    @SuppressWarnings("deprecation")
    static CustomerHistory load(Transaction tx, String customerId, boolean excludeKnown) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be empty");
        }
        Node customer = tx.findNode(GraphSchema.CUSTOMER, "id", customerId);
        if (customer == null) {
            throw new IllegalArgumentException("customer '" + customerId + "' does not exist");
        }
        return of(customer, excludeKnown);
    }

    /** A visitor the graph has not seen: no customer node and no history. */
    static CustomerHistory stranger() {
        return new CustomerHistory(null, Map.of(), false);
    }

    /**
     * An anonymous session: the items viewed or bought in this visit, each counted as one interaction, and never
     * recommended back. There is no customer node, so paths start at these items.
     */
    @SuppressWarnings("deprecation")
    static CustomerHistory session(List<Node> items) {
        Map<Long, Known> known = new LinkedHashMap<>();
        for (Node item : items) {
            known.putIfAbsent(item.getId(), new Known(item, SESSION, 1.0, 1.0));
        }
        return new CustomerHistory(null, known, true);
    }

    /** The history of a customer node already found; none for a customer who opted out of profiling. */
    @SuppressWarnings("deprecation")
    static CustomerHistory of(Node customer, boolean excludeKnown) {
        if (Consent.optedOut(customer)) {
            // Opted out of profiling: recommend as to a stranger, so nothing served depends on their history.
            return new CustomerHistory(customer, Map.of(), false);
        }
        Map<Long, Known> known = new LinkedHashMap<>();
        for (Relationship r : customer.getRelationships(Direction.OUTGOING, GraphSchema.interactionTypes())) {
            Node item = r.getEndNode();
            // One entry per item: when a customer both viewed and bought, their raw values add up.
            double raw = InteractionValues.raw(r);
            known.merge(item.getId(), new Known(item, r.getType(), 1.0, raw),
                    (a, b) -> new Known(a.item(), a.type(), 1.0, a.raw() + b.raw()));
        }
        return new CustomerHistory(customer, known, excludeKnown);
    }

    /** Whether a path may not end at this item: the customer has it and known items are excluded. */
    boolean excludes(Node item) {
        return excludeKnown && contains(item);
    }

    /** The customer's own interaction with an item, or {@code null}. */
    @SuppressWarnings("deprecation")
    Known get(Node item) {
        return known.get(item.getId());
    }

    /** Whether the customer has the item, by internal node id. */
    boolean containsId(long item) {
        return known.containsKey(item);
    }

    /** The customer node; {@code null} for a {@link #stranger()}. */
    Node customer() {
        return customer;
    }

    @SuppressWarnings("deprecation")
    boolean contains(Node item) {
        return known.containsKey(item.getId());
    }

    Collection<Known> items() {
        return known.values();
    }

    boolean isEmpty() {
        return known.isEmpty();
    }
}
