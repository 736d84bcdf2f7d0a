package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.graph.KnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * Checks that the names in a shop's {@link BusinessRules} exist in the graph: every attribute filter value is an item id
 * or an entity key, a range's property is a numeric item property, and every pinned or boosted id is an item. A misspelt name would otherwise filter every
 * item out and answer with an empty list. Names that exist cost one index lookup each; only the refusal reads the
 * graph further, to list the names it does know.
 */
final class RuleNames {
    /** How many items the refusal of a range property reads for the numeric properties it lists. */
    private static final int ITEMS_SAMPLED = 10_000;

    private RuleNames() {
    }

    static void check(Transaction tx, BusinessRules rules) {
        for (String key : rules.includeAttributes()) {
            checkAttribute(tx, key, "includeAttributes");
        }
        for (String key : rules.excludeAttributes()) {
            checkAttribute(tx, key, "excludeAttributes");
        }
        if (rules.range() != null) {
            checkNumericProperty(tx, rules.range().property());
        }
        for (String id : rules.pin()) {
            checkItem(tx, id, "pin");
        }
        for (String id : rules.boost().keySet()) {
            checkItem(tx, id, "boost");
        }
    }

    /** A pin or boost naming no item would be dropped without a word. */
    private static void checkItem(Transaction tx, String id, String where) {
        if (tx.findNode(GraphSchema.ITEM, "id", id) == null) {
            throw new IllegalArgumentException("unknown item '" + id + "' in " + where + ": no item has this id");
        }
    }

    private static void checkAttribute(Transaction tx, String key, String where) {
        if (tx.findNode(GraphSchema.ITEM, "id", key) != null || tx.findNode(GraphSchema.ENTITY, "key", key) != null) {
            return;
        }
        int colon = key.indexOf(':');
        if (colon <= 0) {
            List<String> spelled = new ArrayList<>();
            try (ResourceIterator<Node> named = tx.findNodes(GraphSchema.ENTITY, "name", key)) {
                named.forEachRemaining(e -> spelled.add(String.valueOf(e.getProperty("key"))));
            }
            throw new IllegalArgumentException("unknown attribute '" + key + "' in " + where + ": no item has this id, "
                    + "and an attribute is written <type>:<value>"
                    + (spelled.isEmpty() ? "" : " (did you mean " + KnownNames.listed(spelled) + "?)")
                    + "; known types: " + KnownNames.listed(entityTypes(tx)));
        }
        String type = key.substring(0, colon);
        Set<String> values = new TreeSet<>();
        try (ResourceIterator<Node> ofType = tx.findNodes(GraphSchema.ENTITY, "type", type)) {
            ofType.forEachRemaining(e -> values.add(String.valueOf(e.getProperty("key"))));
        }
        if (values.isEmpty()) {
            throw KnownNames.unknown("attribute type", type, where + " ('" + key + "')", entityTypes(tx));
        }
        throw KnownNames.unknown(type, key, where, values);
    }

    private static Set<String> entityTypes(Transaction tx) {
        Set<String> types = new TreeSet<>();
        try (ResourceIterator<Node> entities = tx.findNodes(GraphSchema.ENTITY)) {
            entities.forEachRemaining(e -> {
                Object type = e.getProperty("type", null);
                if (type != null) {
                    types.add(type.toString());
                }
            });
        }
        return types;
    }

    private static void checkNumericProperty(Transaction tx, String property) {
        boolean inUse = false;
        for (String key : tx.getAllPropertyKeys()) {
            inUse |= key.equals(property);
        }
        if (inUse) {
            try (ResourceIterator<Node> items = tx.findNodes(GraphSchema.ITEM)) {
                while (items.hasNext()) {
                    if (items.next().getProperty(property, null) instanceof Number) {
                        return;
                    }
                }
            }
        }
        Set<String> numeric = new TreeSet<>();
        try (ResourceIterator<Node> items = tx.findNodes(GraphSchema.ITEM)) {
            for (int n = 0; n < ITEMS_SAMPLED && items.hasNext(); n++) {
                items.next().getAllProperties().forEach((k, v) -> {
                    if (v instanceof Number) {
                        numeric.add(k);
                    }
                });
            }
        }
        throw KnownNames.unknown("numeric item property", property, "range", numeric);
    }
}
