package io.kgrec.cypher.train;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.graph.InteractionValues;
import io.kgrec.cypher.model.CustomerAttributes;
import io.kgrec.cypher.privacy.Consent;
import io.kgrec.cypher.model.InteractionMatrix;
import io.kgrec.cypher.model.ItemAttributes;
import io.kgrec.cypher.model.SegmentShares;
import io.kgrec.cypher.model.TrainingData;
import io.kgrec.cypher.risk.TrainingExclusions;
import io.kgrec.model.schema.ProfileProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * Reads the customer–item–attribute graph into the model's arrays. Customers and items are indexed in order of
 * their ids, not of storage, so the same data gives the same indices (and the same model) in any database.
 * With {@code excludeFlagged}, what open or confirmed anomaly flags cover is left out (see
 * {@link TrainingExclusions}): customers flagged as a whole are not read at all, so they count neither as
 * customers nor in any item's popularity; flagged interactions of other customers are skipped.
 */
final class GraphExport {
    private GraphExport() {
    }

    static ExportedGraph read(Transaction tx, boolean excludeFlagged) {
        List<Node> items = sortedById(tx.findNodes(GraphSchema.ITEM));
        List<Node> customers = sortedById(tx.findNodes(GraphSchema.CUSTOMER));
        // Whatever the configuration: a customer who opted out of profiling trains no model.
        customers.removeIf(Consent::optedOut);
        if (excludeFlagged) {
            customers.removeIf(c -> TrainingExclusions.of(c).excludesCustomer());
        }
        Map<String, Integer> itemIndex = new HashMap<>();
        List<String> itemIds = new ArrayList<>(items.size());
        List<String> itemNodes = new ArrayList<>(items.size());
        for (Node item : items) {
            itemIndex.put(item.getElementId(), itemIds.size());
            itemIds.add(DisplayNames.key(item));
            itemNodes.add(item.getElementId());
        }
        InteractionMatrix interactions = interactions(customers, itemIndex, excludeFlagged);
        Map<AttributeRef, Integer> attributeIndex = new LinkedHashMap<>();
        List<int[]> links = knowledgeLinks(items, itemIndex, attributeIndex);
        ItemAttributes.Builder kg = ItemAttributes.builder(items.size(), attributeIndex.size());
        for (int[] link : links) {
            kg.link(link[0], link[1]);
        }
        List<AttributeRef> attributes = new ArrayList<>(attributeIndex.keySet());
        List<String> customerIds = customers.stream().map(DisplayNames::key).toList();
        TrainingData data = new TrainingData(interactions, kg.build(), customerIds, itemIds,
                attributes.stream().map(AttributeRef::encode).toList(), customerAttributes(customers));
        return new ExportedGraph(data, itemNodes, attributes);
    }

    private static List<Node> sortedById(ResourceIterator<Node> nodes) {
        List<Node> list = new ArrayList<>();
        try (nodes) {
            nodes.forEachRemaining(list::add);
        }
        list.sort(Comparator.comparing(DisplayNames::key));
        return list;
    }

    private static InteractionMatrix interactions(List<Node> customers, Map<String, Integer> itemIndex,
            boolean excludeFlagged) {
        InteractionMatrix.Builder x = InteractionMatrix.builder(customers.size(), itemIndex.size());
        for (int c = 0; c < customers.size(); c++) {
            TrainingExclusions flags = excludeFlagged ? TrainingExclusions.of(customers.get(c)) : null;
            for (Relationship r : customers.get(c).getRelationships(Direction.OUTGOING, GraphSchema.interactionTypes())) {
                Integer item = itemIndex.get(r.getEndNode().getElementId());
                if (item != null && (flags == null || !flags.excludes(r))) {
                    x.add(c, item, InteractionValues.raw(r));
                }
            }
        }
        return x.build();
    }

    private static List<int[]> knowledgeLinks(List<Node> items, Map<String, Integer> itemIndex,
            Map<AttributeRef, Integer> attributeIndex) {
        List<int[]> links = new ArrayList<>();
        for (int j = 0; j < items.size(); j++) {
            Node item = items.get(j);
            for (Relationship r : item.getRelationships()) {
                if (!GraphSchema.isKnowledge(r.getType())) {
                    continue;
                }
                Node other = r.getOtherNode(item);
                boolean outgoing = r.getStartNode().equals(item);
                String type = r.getType().name();
                if (other.hasLabel(GraphSchema.ITEM)) {
                    Integer target = itemIndex.get(other.getElementId());
                    if (outgoing && target != null) {
                        // Items that point to an item share it as an attribute, and so does the item itself.
                        int a = attributeIndex.computeIfAbsent(AttributeRef.targetItem(DisplayNames.key(other)),
                                k -> attributeIndex.size());
                        links.add(new int[] {j, a});
                        links.add(new int[] {target, a});
                    }
                } else if (other.hasLabel(GraphSchema.ENTITY)) {
                    int a = attributeIndex.computeIfAbsent(
                            AttributeRef.entity(type, outgoing, DisplayNames.key(other)), k -> attributeIndex.size());
                    links.add(new int[] {j, a});
                }
            }
        }
        return links;
    }

    /**
     * Source attributes with between 2 and {@link SegmentShares#MAX_SEGMENTS} distinct values, as candidate
     * segmentations for the prior; derived profile properties are left out.
     */
    private static CustomerAttributes customerAttributes(List<Node> customers) {
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < customers.size(); c++) {
            for (Map.Entry<String, Object> p : customers.get(c).getAllProperties().entrySet()) {
                String name = p.getKey();
                Object v = p.getValue();
                if (name.equals("id") || ProfileProperties.isDerived(name)
                        || !(v instanceof String || v instanceof Long || v instanceof Integer)) {
                    continue;
                }
                columns.computeIfAbsent(name, k -> new String[customers.size()])[c] = v.toString();
            }
        }
        CustomerAttributes.Builder builder = CustomerAttributes.builder(customers.size());
        columns.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(column -> {
            Set<String> distinct = new HashSet<>();
            for (String v : column.getValue()) {
                if (v != null) {
                    distinct.add(v);
                }
            }
            if (distinct.size() >= 2 && distinct.size() <= SegmentShares.MAX_SEGMENTS) {
                builder.column(column.getKey(), column.getValue());
            }
        });
        return builder.build();
    }
}
