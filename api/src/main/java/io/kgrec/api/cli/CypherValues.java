package io.kgrec.api.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/**
 * Turns the values a query returns (as the driver's {@code asObject()} gives them) into text for tables and CSV, and
 * into plain maps and lists for JSON. Graph values are shown the way the query library's routes spell them:
 * {@code (Item 1082185: BANANAS 40 LB)}, the first label that is not {@code Entity}, then the id and name, else the
 * name, else the key.
 */
final class CypherValues {
    private CypherValues() {
    }

    /** One cell of a table or CSV file; null is empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Path path) {
            return route(path);
        }
        if (value instanceof Node node) {
            return "(" + describe(node) + ")";
        }
        if (value instanceof Relationship r) {
            return "[:" + r.type() + "]";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(text(v)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + ": " + text(v)));
            return "{" + String.join(", ", parts) + "}";
        }
        return value.toString();
    }

    /** A JSON-ready value: graph values become maps of their labels or type and properties. */
    static Object plain(Object value) {
        if (value instanceof Path path) {
            List<Object> nodes = new ArrayList<>();
            List<Object> relationships = new ArrayList<>();
            path.nodes().forEach(n -> nodes.add(plain(n)));
            int at = 0;
            for (Path.Segment segment : path) {
                boolean forward = segment.relationship().startNodeElementId().equals(segment.start().elementId());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("type", segment.relationship().type());
                r.put("from", forward ? at : at + 1);
                r.put("to", forward ? at + 1 : at);
                r.put("properties", properties(segment.relationship()));
                relationships.add(r);
                at++;
            }
            return Map.of("nodes", nodes, "relationships", relationships);
        }
        if (value instanceof Node node) {
            Map<String, Object> n = new LinkedHashMap<>();
            List<String> labels = new ArrayList<>();
            node.labels().forEach(labels::add);
            n.put("labels", labels);
            n.put("properties", properties(node));
            return n;
        }
        if (value instanceof Relationship r) {
            return Map.of("type", r.type(), "properties", properties(r));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CypherValues::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(k.toString(), plain(v)));
            return m;
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        // dates, times, durations and points: their ISO or WKT-like text
        return value.toString();
    }

    private static Map<String, Object> properties(Entity entity) {
        Map<String, Object> sorted = new TreeMap<>();
        entity.asMap().forEach((k, v) -> sorted.put(k, plain(v)));
        return sorted;
    }

    private static String route(Path path) {
        StringBuilder s = new StringBuilder("(").append(describe(path.start())).append(')');
        Iterator<Path.Segment> segments = path.iterator();
        while (segments.hasNext()) {
            Path.Segment segment = segments.next();
            boolean forward = segment.relationship().startNodeElementId().equals(segment.start().elementId());
            s.append(forward ? "-[:" : "<-[:").append(segment.relationship().type()).append(forward ? "]->" : "]-");
            s.append('(').append(describe(segment.end())).append(')');
        }
        return s.toString();
    }

    /** As the library's routes show a node: {@code Item 1082185: BANANAS 40 LB}, {@code Department PRODUCE}. */
    private static String describe(Node node) {
        String label = "";
        for (String l : node.labels()) {
            if (!l.equals("Entity")) {
                label = l;
                break;
            }
        }
        String shown = node.containsKey("id") ? text(node.get("id").asObject())
                + (node.containsKey("name") ? ": " + text(node.get("name").asObject()) : "")
                : node.containsKey("name") ? text(node.get("name").asObject())
                : node.containsKey("key") ? text(node.get("key").asObject()) : node.elementId();
        return label.isEmpty() ? shown : label + " " + shown;
    }
}
