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

    /** Whether the path goes through other customers (always as an anonymous group). */
    public boolean throughOtherCustomers() {
        return nodes.stream().anyMatch(n -> n.kind() == NodeKind.CUSTOMER_GROUP);
    }
}
