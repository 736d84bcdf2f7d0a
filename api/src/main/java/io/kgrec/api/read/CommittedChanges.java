package io.kgrec.api.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kgrec.model.schema.Labels;
import io.kgrec.model.schema.ModelRelationships;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        try {
            return new Reading(data).touched();
        } catch (RuntimeException e) {
            // Not attributable (an entity this transaction deleted, say): better to rescore every list once.
            return new Touched(Set.of(), true);
        }
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

    /**
     * One transaction's changes. Each node is looked at once however many of the transaction's rows touch it: a load
     * batch writes many interactions of the same customer, training many relationships of the same item.
     */
    private static final class Reading {
        private static final String NOT_A_CUSTOMER = "";
        private static final String A_MODEL = new String("model"); // compared by identity: no customer id is it

        private final TransactionData data;
        /** Per node: its customer id, {@link #NOT_A_CUSTOMER} or {@link #A_MODEL}. */
        private final Map<Node, String> kinds = new HashMap<>();
        private final Set<String> touched = new HashSet<>();

        Reading(TransactionData data) {
            this.data = data;
        }

        Touched touched() {
            for (LabelEntry e : data.assignedLabels()) {
                if (e.label().equals(MODEL)) {
                    return new Touched(Set.of(), true);
                }
                add(e.node());
            }
            for (LabelEntry e : data.removedLabels()) {
                if (e.label().equals(MODEL)) {
                    return new Touched(Set.of(), true);
                }
            }
            for (PropertyEntry<Node> e : data.assignedNodeProperties()) {
                if (add(e.entity()) == A_MODEL) {
                    return new Touched(Set.of(), true);
                }
            }
            for (PropertyEntry<Node> e : data.removedNodeProperties()) {
                if (e.key().equals(ID) && e.previouslyCommittedValue() instanceof String id) {
                    // a deleted node's id is only here; an item sharing a customer's id costs that customer a rescoring
                    touched.add(id);
                }
                if (!data.isDeleted(e.entity()) && add(e.entity()) == A_MODEL) {
                    return new Touched(Set.of(), true);
                }
            }
            addEnds(data.createdRelationships());
            addEnds(data.deletedRelationships());
            for (PropertyEntry<Relationship> e : data.assignedRelationshipProperties()) {
                addEnds(List.of(e.entity()));
            }
            for (PropertyEntry<Relationship> e : data.removedRelationshipProperties()) {
                addEnds(List.of(e.entity()));
            }
            return new Touched(touched, false);
        }

        private void addEnds(Iterable<Relationship> relationships) {
            for (Relationship r : relationships) {
                if (r.getType().name().equals(ModelRelationships.SHOWN)) {
                    continue;
                }
                addUnlessDeleted(r.getStartNode());
                addUnlessDeleted(r.getEndNode());
            }
        }

        private void addUnlessDeleted(Node node) {
            if (!data.isDeleted(node)) { // a deleted node's id is among the removed properties
                add(node);
            }
        }

        /** Notes the node's customer id if it is a customer; returns what the node is. */
        private String add(Node node) {
            String kind = kinds.computeIfAbsent(node, n -> n.hasLabel(MODEL) ? A_MODEL
                    : n.hasLabel(CUSTOMER) && n.getProperty(ID, null) instanceof String id ? id : NOT_A_CUSTOMER);
            if (kind != A_MODEL && !kind.isEmpty()) {
                touched.add(kind);
            }
            return kind;
        }
    }
}
