package io.kgrec.cypher.graph;

import org.neo4j.graphdb.Node;

/** How nodes are named in explanations: their {@code name} property, else their id or key. */
public final class DisplayNames {
    private DisplayNames() {
    }

    public static String of(Node node) {
        Object name = node.getProperty("name", null);
        if (name instanceof String s && !s.isBlank()) {
            return s;
        }
        Object id = node.getProperty("id", null);
        if (id != null) {
            return id.toString();
        }
        return String.valueOf(node.getProperty("key", node.getElementId()));
    }

    /** The natural key: {@code id} for customers and items, {@code key} for entities. */
    public static String key(Node node) {
        Object id = node.getProperty("id", null);
        if (id != null) {
            return id.toString();
        }
        return String.valueOf(node.getProperty("key", node.getElementId()));
    }
}
