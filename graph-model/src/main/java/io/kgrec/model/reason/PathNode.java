package io.kgrec.model.reason;

import java.util.List;
import java.util.Objects;

/**
 * A node on a reason path.
 *
 * @param kind   what the node stands for
 * @param id     the customer id, item id or entity key; {@code null} for a {@link NodeKind#CUSTOMER_GROUP}
 * @param labels the node's labels in the graph (for a group, the label of its members)
 * @param name   a display name ("Toy Story (1995)", "brand National", "12 customers")
 * @param size   the number of customers in a group; 1 for every other kind
 */
public record PathNode(NodeKind kind, String id, List<String> labels, String name, long size) {
    // Served lists keep hundreds of thousands of path nodes: the common labels and the groups of up to a few hundred
    // customers are one shared value each instead of one copy per node.
    private static final List<String> CUSTOMER = List.of("Customer");
    private static final List<String> ITEM = List.of("Item");
    private static final List<String> COUPON = List.of("Coupon");
    private static final List<String> CAMPAIGN = List.of("Campaign");
    private static final PathNode[] SMALL_GROUPS = new PathNode[512];

    public PathNode {
        Objects.requireNonNull(kind, "kind");
        labels = List.copyOf(labels);
        Objects.requireNonNull(name, "name");
        if (kind == NodeKind.CUSTOMER_GROUP) {
            if (id != null) {
                throw new IllegalArgumentException("a customer group has no id");
            }
            if (size < 1) {
                throw new IllegalArgumentException("a customer group has at least one customer");
            }
        } else {
            Objects.requireNonNull(id, "id");
            if (size != 1) {
                throw new IllegalArgumentException("only a customer group has a size other than 1");
            }
        }
    }

    public static PathNode customer(String id, String name) {
        return new PathNode(NodeKind.CUSTOMER, id, CUSTOMER, name, 1);
    }

    public static PathNode item(String id, String name) {
        return new PathNode(NodeKind.ITEM, id, ITEM, name, 1);
    }

    public static PathNode entity(String key, List<String> labels, String name) {
        return new PathNode(NodeKind.ENTITY, key, labels, name, 1);
    }

    public static PathNode coupon(String upc) {
        return new PathNode(NodeKind.COUPON, upc, COUPON, "coupon " + upc, 1);
    }

    /** @param type the campaign's type ("Type A"), or {@code null} */
    public static PathNode campaign(String id, String type) {
        return new PathNode(NodeKind.CAMPAIGN, id, CAMPAIGN,
                "campaign " + id + (type == null || type.isBlank() ? "" : " (" + type + ")"), 1);
    }

    public static PathNode customerGroup(long size) {
        if (size < 1 || size >= SMALL_GROUPS.length) {
            return group(size);
        }
        PathNode shared = SMALL_GROUPS[(int) size];
        if (shared == null) { // a race makes two equal values, one of which is kept: harmless
            shared = group(size);
            SMALL_GROUPS[(int) size] = shared;
        }
        return shared;
    }

    private static PathNode group(long size) {
        return new PathNode(NodeKind.CUSTOMER_GROUP, null, CUSTOMER, size + (size == 1 ? " customer" : " customers"),
                size);
    }
}
