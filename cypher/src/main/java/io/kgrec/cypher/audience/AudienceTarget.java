package io.kgrec.cypher.audience;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.model.schema.Labels;
import io.kgrec.model.schema.MarketingRelationships;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The items an audience is scored over, each with the coupon (and campaign) that reaches it. An item is its own only
 * target; a coupon reaches the items it {@code APPLIES_TO}; a campaign reaches the items of the coupons
 * {@code OFFERED_IN} it, each item once, through the coupon with the smallest UPC that applies to it.
 *
 * @param kind  what the target is
 * @param node  the item, coupon or campaign node
 * @param items the items reached, in a stable order
 */
public record AudienceTarget(TargetKind kind, Node node, List<Reached> items) {
    static final Label COUPON = Label.label(Labels.COUPON);
    static final Label CAMPAIGN = Label.label(Labels.CAMPAIGN);
    static final RelationshipType APPLIES_TO = RelationshipType.withName(MarketingRelationships.APPLIES_TO);
    static final RelationshipType OFFERED_IN = RelationshipType.withName(MarketingRelationships.OFFERED_IN);
    static final RelationshipType TARGETED_BY = RelationshipType.withName(MarketingRelationships.TARGETED_BY);

    /** An item the target reaches, through a coupon (null for an item target) of a campaign (null unless a campaign). */
    public record Reached(Node item, Node coupon, Node campaign) {
    }

    /** @throws IllegalArgumentException when the id is empty or names nothing */
    public static AudienceTarget resolve(Transaction tx, TargetKind kind, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("targetId must not be empty");
        }
        return switch (kind) {
            case ITEM -> {
                Node item = require(tx.findNode(GraphSchema.ITEM, "id", id), kind, id);
                yield new AudienceTarget(kind, item, List.of(new Reached(item, null, null)));
            }
            case COUPON -> {
                Node coupon = require(tx.findNode(COUPON, "upc", id), kind, id);
                List<Reached> items = new ArrayList<>();
                for (Node item : itemsOf(coupon)) {
                    items.add(new Reached(item, coupon, null));
                }
                yield new AudienceTarget(kind, coupon, items);
            }
            case CAMPAIGN -> {
                Node campaign = require(tx.findNode(CAMPAIGN, "id", id), kind, id);
                List<Node> coupons = new ArrayList<>();
                for (Relationship r : campaign.getRelationships(Direction.INCOMING, OFFERED_IN)) {
                    coupons.add(r.getStartNode());
                }
                coupons.sort(Comparator.comparing(c -> String.valueOf(c.getProperty("upc", ""))));
                Map<Node, Reached> items = new LinkedHashMap<>();
                for (Node coupon : coupons) {
                    for (Node item : itemsOf(coupon)) {
                        items.putIfAbsent(item, new Reached(item, coupon, campaign));
                    }
                }
                yield new AudienceTarget(kind, campaign, List.copyOf(items.values()));
            }
        };
    }

    /** The target's display id: item id, coupon UPC or campaign id. */
    public String id() {
        return String.valueOf(node.getProperty(kind == TargetKind.COUPON ? "upc" : "id", ""));
    }

    /** The item nodes reached. */
    public Set<Node> itemNodes() {
        Set<Node> out = new LinkedHashSet<>();
        items.forEach(r -> out.add(r.item()));
        return out;
    }

    /**
     * The campaigns whose targeted customers this target is meant for: the campaign itself, a coupon's campaigns;
     * none for an item.
     */
    List<Node> campaigns() {
        if (kind == TargetKind.CAMPAIGN) {
            return List.of(node);
        }
        List<Node> out = new ArrayList<>();
        if (kind == TargetKind.COUPON) {
            for (Relationship r : node.getRelationships(Direction.OUTGOING, OFFERED_IN)) {
                out.add(r.getEndNode());
            }
        }
        return out;
    }

    private static List<Node> itemsOf(Node coupon) {
        List<Node> items = new ArrayList<>();
        for (Relationship r : coupon.getRelationships(Direction.OUTGOING, APPLIES_TO)) {
            items.add(r.getEndNode());
        }
        items.sort(Comparator.comparing(i -> String.valueOf(i.getProperty("id", ""))));
        return items;
    }

    private static Node require(Node node, TargetKind kind, String id) {
        if (node == null) {
            throw new IllegalArgumentException(kind.word() + " '" + id + "' does not exist");
        }
        return node;
    }
}
