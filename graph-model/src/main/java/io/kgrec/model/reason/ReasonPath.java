package io.kgrec.model.reason;

import java.util.List;
import java.util.Objects;

/**
 * One reason an item is recommended: a path that exists in the graph, from the customer to the item, and the part
 * of the item's score it contributes. An item's score is the sum of its paths' contributions plus any named
 * {@link ScoreTerm}s, so an explanation is the score itself, never a story told afterwards.
 *
 * @param kind         the path family
 * @param nodes        the nodes in order, starting with the customer and ending with the recommended item
 * @param steps        {@code nodes.size() - 1} relationships, {@code steps[i]} joining {@code nodes[i]} and {@code nodes[i+1]}
 * @param contribution this path's share of the score
 * @param sentence     one sentence a customer can read
 */
public record ReasonPath(PathKind kind, List<PathNode> nodes, List<PathStep> steps, double contribution, String sentence) {
    public ReasonPath {
        Objects.requireNonNull(kind, "kind");
        nodes = List.copyOf(nodes);
        steps = List.copyOf(steps);
        Objects.requireNonNull(sentence, "sentence");
        if (nodes.size() < 2) {
            throw new IllegalArgumentException("a reason path has at least two nodes");
        }
        if (steps.size() != nodes.size() - 1) {
            throw new IllegalArgumentException("a path of " + nodes.size() + " nodes has " + (nodes.size() - 1)
                    + " relationships, not " + steps.size());
        }
        if (!Double.isFinite(contribution)) {
            throw new IllegalArgumentException("contribution must be finite");
        }
    }

    public PathNode start() {
        return nodes.get(0);
    }

    public PathNode end() {
        return nodes.get(nodes.size() - 1);
    }

    /**
     * customer -[customerType]-> known <-[otherToKnownType]- a group of other customers -[otherToItemType]-> item, with
     * its sentence: the one way a collaborative path is built, when a list is scored and when it is regrouped.
     */
    public static ReasonPath collaborative(PathNode customer, String customerType, PathNode known,
            String otherToKnownType, long customers, String otherToItemType, PathNode item, double contribution) {
        return new ReasonPath(PathKind.COLLABORATIVE, List.of(customer, known, PathNode.customerGroup(customers), item),
                List.of(PathStep.out(customerType), PathStep.in(otherToKnownType), PathStep.out(otherToItemType)),
                contribution, ReasonSentences.collaborative(customerType, known.name(), otherToKnownType, customers,
                        otherToItemType, item.name()));
    }

    /**
     * This collaborative path with another group of customers between its two items, as counted now: the same
     * contribution (the model's weight does not move with other customers' purchases), the group's size, the types
     * it reached each item by, and the sentence that says so.
     */
    public ReasonPath regrouped(String otherToKnownType, long customers, String otherToItemType) {
        if (kind != PathKind.COLLABORATIVE || nodes.size() != 4) {
            throw new IllegalStateException("only a collaborative path customer-item-group-item has a group, not "
                    + kind + " with " + nodes.size() + " nodes");
        }
        return collaborative(start(), steps.get(0).type(), nodes.get(1), otherToKnownType, customers, otherToItemType,
                end(), contribution);
    }

    /** Whether this collaborative path already shows that group, so regrouping it would change nothing. */
    public boolean showsGroup(String otherToKnownType, long customers, String otherToItemType) {
        return kind == PathKind.COLLABORATIVE && nodes.size() == 4 && nodes.get(2).size() == customers
                && steps.get(1).type().equals(otherToKnownType) && steps.get(2).type().equals(otherToItemType);
    }

    /**
     * Whether this is a collaborative weight shown as what the model learned, because no other customer had both items
     * when it was explained: a group may have formed since.
     */
    public boolean isUngroupedCoEngagement() {
        return kind == PathKind.SIMILARITY && nodes.size() == 3 && sentence.equals(ReasonSentences.learned(
                steps.get(0).type(), nodes.get(1).name(), ReasonSentences.CO_ENGAGEMENT, nodes.get(2).name()));
    }

    /** Whether the path goes through other customers (always as an anonymous group). */
    public boolean throughOtherCustomers() {
        return nodes.stream().anyMatch(n -> n.kind() == NodeKind.CUSTOMER_GROUP);
    }
}
