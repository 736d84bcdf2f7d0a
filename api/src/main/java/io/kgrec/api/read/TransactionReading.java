package io.kgrec.api.read;

import io.kgrec.model.schema.InteractionType;
import io.kgrec.model.schema.Labels;
import io.kgrec.model.schema.ModelRelationships;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;

/**
 * What one committed transaction changed, in the terms kept lists depend on: which customers changed (their own lists
 * change), which items another customer's interaction reached (the co-customer groups shown on paths through them
 * change), whether anything else that lists show or filter by changed (the catalogue, attributes, segments), and
 * whether a model changed (every list changes). Bookkeeping (the audit log, source files, migrations) and impressions
 * change no list.
 *
 * <p>Each node is looked at once however many of the transaction's rows touch it: a load batch writes many
 * interactions of the same customer, training many relationships of the same item.
 */
final class TransactionReading {
    private static final Label CUSTOMER = Label.label(Labels.CUSTOMER);
    private static final Label ITEM = Label.label(Labels.ITEM);
    private static final Label MODEL = Label.label(Labels.MODEL);
    /** Nodes no list reads: the audit log, which file contributed what, which migrations ran. */
    private static final List<Label> BOOKKEEPING = List.of(Label.label(Labels.SERVED_LIST),
            Label.label(Labels.SOURCE_FILE), Label.label(Labels.SCHEMA_MIGRATION));
    private static final String ID = "id";
    private static final String FEEDBACK_SEQUENCE = "kgrecFeedbackSequence";

    /** What a transaction touched, read while its state is still readable; applied only if it commits. */
    record Touched(Set<String> customers, Set<String> items, boolean catalogue, boolean everyone) {
        static final Touched EVERYONE = new Touched(Set.of(), Set.of(), true, true);
    }

    private enum Kind { MODEL, CUSTOMER, ITEM, BOOKKEEPING, OTHER }

    private record Seen(Kind kind, String id) {
    }

    private final TransactionData data;
    private final Map<Node, Seen> seen = new HashMap<>();
    /** The labels of nodes this transaction deleted, which the nodes themselves no longer answer for. */
    private final Map<Node, Set<Label>> deletedLabels = new HashMap<>();
    private final Set<String> customers = new HashSet<>();
    private final Set<String> items = new HashSet<>();
    private boolean catalogue;

    TransactionReading(TransactionData data) {
        this.data = data;
    }

    Touched touched() {
        for (LabelEntry e : data.removedLabels()) {
            if (e.label().equals(MODEL)) {
                return Touched.EVERYONE;
            }
            if (data.isDeleted(e.node())) {
                deletedLabels.computeIfAbsent(e.node(), n -> new HashSet<>()).add(e.label());
            } else {
                changed(e.node());
            }
        }
        for (LabelEntry e : data.assignedLabels()) {
            if (e.label().equals(MODEL)) {
                return Touched.EVERYONE;
            }
            changed(e.node());
        }
        for (PropertyEntry<Node> e : data.assignedNodeProperties()) {
            if (isFirstFeedbackLock(e)) {
                continue;
            }
            if (changed(e.entity()) == Kind.MODEL) {
                return Touched.EVERYONE;
            }
        }
        for (PropertyEntry<Node> e : data.removedNodeProperties()) {
            if (!data.isDeleted(e.entity())) {
                if (changed(e.entity()) == Kind.MODEL) {
                    return Touched.EVERYONE;
                }
            } else if (e.key().equals(ID) && e.previouslyCommittedValue() instanceof String id
                    && deletedLabels.getOrDefault(e.entity(), Set.of()).contains(CUSTOMER)) {
                customers.add(id); // a deleted node's id is only among the removed properties
            }
        }
        for (Node node : data.deletedNodes()) {
            Kind kind = deletedKind(node);
            if (kind != Kind.CUSTOMER && kind != Kind.BOOKKEEPING) {
                catalogue = true;
            }
        }
        relationships(data.createdRelationships());
        relationships(data.deletedRelationships());
        for (PropertyEntry<Relationship> e : data.assignedRelationshipProperties()) {
            relationships(List.of(e.entity()));
        }
        for (PropertyEntry<Relationship> e : data.removedRelationshipProperties()) {
            relationships(List.of(e.entity()));
        }
        return new Touched(customers, items, catalogue, false);
    }

    /**
     * A customer's feedback sequence set to 0 where it had none: the lock a showing takes on a customer no feedback
     * has reached yet ({@code FeedbackWriter}), which changes nothing a list shows. An interaction bumps the sequence
     * and writes its relationship, which is read below.
     */
    private static boolean isFirstFeedbackLock(PropertyEntry<Node> e) {
        return e.key().equals(FEEDBACK_SEQUENCE) && e.previouslyCommittedValue() == null
                && e.value() instanceof Number n && n.longValue() == 0;
    }

    private void relationships(Iterable<Relationship> relationships) {
        for (Relationship r : relationships) {
            String type = r.getType().name();
            if (type.equals(ModelRelationships.SHOWN)) {
                continue;
            }
            Seen start = end(r.getStartNode());
            Seen end = end(r.getEndNode());
            if (InteractionType.isInteraction(type) && start.kind() == Kind.CUSTOMER && end.kind() == Kind.ITEM) {
                addCustomer(start);
                if (end.id() != null) { // a deleted item changed the catalogue
                    items.add(end.id());
                }
            } else if (start.kind() == Kind.CUSTOMER || end.kind() == Kind.CUSTOMER) {
                // a customer's profile, segment or campaign link changes that customer's list only
                addCustomer(start);
                addCustomer(end);
            } else if (start.kind() != Kind.BOOKKEEPING && end.kind() != Kind.BOOKKEEPING) {
                catalogue = true;
            }
        }
    }

    private void addCustomer(Seen seen) {
        if (seen.kind() == Kind.CUSTOMER && seen.id() != null) { // a deleted customer's id is noted above
            customers.add(seen.id());
        }
    }

    /** What a relationship's end is; a node deleted with it answers only through its removed labels. */
    private Seen end(Node node) {
        return data.isDeleted(node) ? new Seen(deletedKind(node), null) : kind(node);
    }

    private Kind deletedKind(Node node) {
        Set<Label> labels = deletedLabels.getOrDefault(node, Set.of());
        if (BOOKKEEPING.stream().anyMatch(labels::contains)) {
            return Kind.BOOKKEEPING;
        }
        if (labels.contains(CUSTOMER)) {
            return Kind.CUSTOMER;
        }
        return labels.contains(ITEM) ? Kind.ITEM : Kind.OTHER;
    }

    /** Notes a change to a node that was not deleted; returns what the node is. */
    private Kind changed(Node node) {
        Seen s = kind(node);
        switch (s.kind()) {
            case CUSTOMER -> customers.add(s.id());
            case ITEM, OTHER -> catalogue = true;
            case MODEL, BOOKKEEPING -> {
                // a model is answered by the caller; bookkeeping changes no list
            }
        }
        return s.kind();
    }

    private Seen kind(Node node) {
        return seen.computeIfAbsent(node, n -> {
            if (n.hasLabel(MODEL)) {
                return new Seen(Kind.MODEL, null);
            }
            if (BOOKKEEPING.stream().anyMatch(n::hasLabel)) {
                return new Seen(Kind.BOOKKEEPING, null);
            }
            Object id = n.getProperty(ID, null);
            if (n.hasLabel(CUSTOMER) && id instanceof String s) {
                return new Seen(Kind.CUSTOMER, s);
            }
            if (n.hasLabel(ITEM) && id instanceof String s) {
                return new Seen(Kind.ITEM, s);
            }
            return new Seen(Kind.OTHER, null);
        });
    }
}
