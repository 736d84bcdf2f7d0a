package io.kgrec.model.reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts reason paths to and from plain maps of strings, numbers and lists: the shape a Neo4j procedure can
 * return and any Bolt client (the API, an analyst's browser) can read without kgrec's classes.
 */
public final class ReasonPathMaps {
    private ReasonPathMaps() {
    }

    public static Map<String, Object> toMap(ReasonPath path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", path.kind().name());
        m.put("contribution", path.contribution());
        m.put("sentence", path.sentence());
        List<Map<String, Object>> nodes = new ArrayList<>(path.nodes().size());
        for (PathNode n : path.nodes()) {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("kind", n.kind().name());
            nm.put("id", n.id());
            nm.put("labels", n.labels());
            nm.put("name", n.name());
            nm.put("size", n.size());
            nodes.add(nm);
        }
        m.put("nodes", nodes);
        List<Map<String, Object>> steps = new ArrayList<>(path.steps().size());
        for (PathStep s : path.steps()) {
            steps.add(Map.of("type", s.type(), "direction", s.forward() ? "OUT" : "IN"));
        }
        m.put("relationships", steps);
        return m;
    }

    /** One path read on its own (an offline evaluation, an audit): its nodes are not shared with other paths. */
    public static ReasonPath fromMap(Map<String, Object> m) {
        return path(m, ReasonPathMaps::node);
    }

    /**
     * Reads the paths of one answer (a customer's list, say), so that a node on several of them is one
     * {@link PathNode}: the customer is on every path of the list and an item on each of its own. The served-list
     * cache keeps these paths, and a node copied per path made up most of the service's live heap.
     */
    public static final class Reader {
        private final Map<Map<String, Object>, PathNode> nodes = new HashMap<>();

        public ReasonPath path(Map<String, Object> m) {
            return ReasonPathMaps.path(m, nm -> nodes.computeIfAbsent(nm, ReasonPathMaps::node));
        }
    }

    @SuppressWarnings("unchecked")
    private static ReasonPath path(Map<String, Object> m, Function<Map<String, Object>, PathNode> nodeOf) {
        List<PathNode> nodes = new ArrayList<>();
        for (Map<String, Object> nm : (List<Map<String, Object>>) m.get("nodes")) {
            nodes.add(nodeOf.apply(nm));
        }
        List<PathStep> steps = new ArrayList<>();
        for (Map<String, Object> sm : (List<Map<String, Object>>) m.get("relationships")) {
            steps.add(PathStep.of((String) sm.get("type"), "OUT".equals(sm.get("direction"))));
        }
        return new ReasonPath(PathKind.valueOf((String) m.get("kind")), nodes, steps,
                ((Number) m.get("contribution")).doubleValue(), (String) m.get("sentence"));
    }

    @SuppressWarnings("unchecked")
    private static PathNode node(Map<String, Object> nm) {
        NodeKind kind = NodeKind.valueOf((String) nm.get("kind"));
        long size = ((Number) nm.get("size")).longValue();
        if (kind == NodeKind.CUSTOMER_GROUP && nm.get("id") == null) {
            PathNode group = PathNode.customerGroup(size);
            if (group.name().equals(nm.get("name")) && group.labels().equals(nm.get("labels"))) {
                return group;
            }
        }
        return new PathNode(kind, (String) nm.get("id"), (List<String>) nm.get("labels"), (String) nm.get("name"),
                size);
    }

    public static Map<String, Object> toMap(ScoreTerm term) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", term.name());
        m.put("value", term.value());
        m.put("description", term.description());
        return m;
    }

    public static ScoreTerm termFromMap(Map<String, Object> m) {
        return new ScoreTerm((String) m.get("name"), ((Number) m.get("value")).doubleValue(),
                (String) m.get("description"));
    }
}
