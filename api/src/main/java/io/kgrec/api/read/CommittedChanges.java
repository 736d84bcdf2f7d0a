package io.kgrec.api.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kgrec.model.schema.Labels;
import io.kgrec.model.schema.ModelRelationships;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * The validity of kept lists with the embedded database, told by the database itself: every committed transaction,
 * whoever wrote it (this application, the loader or an analyst over Bolt), is seen here, so a kept list is checked
 * against memory instead of a query. A customer's token changes when a transaction changes the customer's node or any
 * of its relationships other than impressions ({@code SHOWN}); every token changes when a transaction touches a
 * {@code :Model} node (a new model, an erasure). When a change cannot be attributed, every token changes.
 *
 * <p>A customer's change is remembered for twice the lists' time to live, then forgotten: by then every list kept
 * before it has expired, and a list kept after it carries the change's number, which no longer matches, so it is
 * scored once more. Memory is bounded by the customers changed within that window.
 */
final class CommittedChanges implements TransactionEventListener<CommittedChanges.Touched>, ServedListCache.Validity {
    private static final Label CUSTOMER = Label.label(Labels.CUSTOMER);
    private static final Label MODEL = Label.label(Labels.MODEL);
    private static final String ID = "id";

    private final AtomicLong sequence = new AtomicLong();
    private volatile long everyone;
    private final Cache<String, Long> customers;

    CommittedChanges(Duration timeToLive) {
        this.customers = Caffeine.newBuilder().expireAfterWrite(timeToLive.multipliedBy(2)).build();
    }

    @Override
    public List<Object> token(String customerId) {
        Long changed = customers.getIfPresent(customerId);
        return List.of(everyone, changed == null ? 0L : changed);
    }

    /** What a transaction touched, read while its state is still readable; applied only if it commits. */
    record Touched(Set<String> customers, boolean everyone) {
    }

    @Override
    public Touched beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        Set<String> touched = new HashSet<>();
        try {
            if (touchesModel(data)) {
                return new Touched(Set.of(), true);
            }
            for (PropertyEntry<Node> e : data.assignedNodeProperties()) {
                addIfCustomer(e.entity(), touched);
            }
            for (PropertyEntry<Node> e : data.removedNodeProperties()) {
                // a deleted node's id is only here; an item sharing a customer's id costs that customer one rescoring
                if (e.key().equals(ID) && e.previouslyCommittedValue() instanceof String id) {
                    touched.add(id);
                } else if (!data.isDeleted(e.entity())) {
                    addIfCustomer(e.entity(), touched);
                }
            }
            for (LabelEntry e : data.assignedLabels()) {
                addIfCustomer(e.node(), touched);
            }
            addEnds(data.createdRelationships(), data, touched);
            addEnds(data.deletedRelationships(), data, touched);
            for (PropertyEntry<Relationship> e : data.assignedRelationshipProperties()) {
                addEnds(List.of(e.entity()), data, touched);
            }
            for (PropertyEntry<Relationship> e : data.removedRelationshipProperties()) {
                addEnds(List.of(e.entity()), data, touched);
            }
        } catch (RuntimeException e) {
            // Not attributable (an entity this transaction deleted, say): better to rescore every list once.
            return new Touched(Set.of(), true);
        }
        return new Touched(touched, false);
    }

    @Override
    public void afterCommit(TransactionData data, Touched touched, GraphDatabaseService database) {
        if (touched == null) {
            return;
        }
        if (touched.everyone()) {
            everyone = sequence.incrementAndGet();
            return;
        }
        for (String id : touched.customers()) {
            customers.put(id, sequence.incrementAndGet());
        }
    }

    @Override
    public void afterRollback(TransactionData data, Touched touched, GraphDatabaseService database) {
        // nothing was changed
    }

    private static boolean touchesModel(TransactionData data) {
        for (LabelEntry e : data.assignedLabels()) {
            if (e.label().equals(MODEL)) {
                return true;
            }
        }
        for (LabelEntry e : data.removedLabels()) {
            if (e.label().equals(MODEL)) {
                return true;
            }
        }
        for (PropertyEntry<Node> e : data.assignedNodeProperties()) {
            if (e.entity().hasLabel(MODEL)) {
                return true;
            }
        }
        for (PropertyEntry<Node> e : data.removedNodeProperties()) {
            if (!data.isDeleted(e.entity()) && e.entity().hasLabel(MODEL)) {
                return true;
            }
        }
        return false;
    }

    private static void addEnds(Iterable<Relationship> relationships, TransactionData data, Set<String> touched) {
        for (Relationship r : relationships) {
            if (r.getType().name().equals(ModelRelationships.SHOWN)) {
                continue;
            }
            for (Node end : new Node[] {r.getStartNode(), r.getEndNode()}) {
                if (data.isDeleted(end)) {
                    continue; // its id is among the removed properties
                }
                addIfCustomer(end, touched);
            }
        }
    }

    private static void addIfCustomer(Node node, Set<String> touched) {
        if (node.hasLabel(CUSTOMER) && node.getProperty(ID, null) instanceof String id) {
            touched.add(id);
        }
    }
}
