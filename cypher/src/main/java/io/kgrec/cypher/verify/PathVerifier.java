package io.kgrec.cypher.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Checks, with plain Cypher MATCHes that share no code with the recommender, that a reason path exists in the graph:
 * every node exists, every relationship exists with its type and direction, and every customer group has exactly the
 * size shown. Works on the map shape that both {@code kgrec.recommend.stream} and the GraphQL API return
 * ({@code nodes[{kind,id,size}]}, {@code relationships[{type,direction}]}), through any way of running Cypher: the
 * evaluation command checks every recommended path with it over Bolt, and the tests do in-process.
 */
public final class PathVerifier {
    private static final String CUSTOMER = "MATCH (n:Customer {id: $id}) RETURN elementId(n) AS e";
    private static final String ITEM = "MATCH (n:Item {id: $id}) RETURN elementId(n) AS e";
    private static final String ENTITY = "MATCH (n:Entity {key: $id}) RETURN elementId(n) AS e";
    private static final String COUPON = "MATCH (n:Coupon {upc: $id}) RETURN elementId(n) AS e";
    private static final String CAMPAIGN = "MATCH (n:Campaign {id: $id}) RETURN elementId(n) AS e";
    private static final String RELATIONSHIP = """
            MATCH (a)-[r]->(b)
            WHERE elementId(a) = $from AND elementId(b) = $to AND type(r) = $type
            RETURN count(r) AS n
            """;
    /**
     * The customers who reach both neighbours of a group with the group's two relationship types, but for the customer
     * the path starts from, if it starts from one ($excluded holds that customer's id, or nothing).
     */
    private static final String GROUP_SIZE = """
            MATCH (before)<-[r1]-(o:Customer)-[r2]->(after)
            WHERE elementId(before) = $before AND elementId(after) = $after AND type(r1) = $in AND type(r2) = $out
              AND NOT o.id IN $excluded
            RETURN count(DISTINCT o) AS n
            """;

    private final BiFunction<String, Map<String, Object>, List<Map<String, Object>>> cypher;
    /** What a node lookup or relationship check found, by its query and parameters; null to ask the graph each time. */
    private final Map<List<Object>, List<Map<String, Object>>> answers;

    /** @param cypher runs a read query with parameters and returns its rows */
    public PathVerifier(BiFunction<String, Map<String, Object>, List<Map<String, Object>>> cypher) {
        this(cypher, null);
    }

    private PathVerifier(BiFunction<String, Map<String, Object>, List<Map<String, Object>>> cypher,
            Map<List<Object>, List<Map<String, Object>>> answers) {
        this.cypher = cypher;
        this.answers = answers;
    }

    /**
     * A verifier that asks the graph about each node and each relationship once, for a graph that does not change while
     * it verifies (the evaluation command's): a list's paths share their customer and many of their items, so most
     * lookups repeat, and so do customer groups: each group is counted once for each pair of neighbours, and the
     * customer a path starts from is taken out by checking their own two relationships.
     */
    public static PathVerifier ofUnchangingGraph(
            BiFunction<String, Map<String, Object>, List<Map<String, Object>>> cypher) {
        return new PathVerifier(cypher, new HashMap<>());
    }

    /** @return a description of the first thing that does not exist, or {@code null} when the whole path exists */
    @SuppressWarnings("unchecked")
    public String problem(Map<String, Object> path) {
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) path.get("nodes");
        List<Map<String, Object>> rels = (List<Map<String, Object>>) path.get("relationships");
        if (rels.size() != nodes.size() - 1) {
            return "a path of " + nodes.size() + " nodes with " + rels.size() + " relationships";
        }
        // a path from an item (similar items) leaves no one out, even a customer whose id is that item's
        Map<String, Object> first = nodes.get(0);
        List<Object> excluded = "CUSTOMER".equals(first.get("kind")) ? List.of(first.get("id")) : List.of();
        String[] element = new String[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Map<String, Object> n = nodes.get(i);
            if ("CUSTOMER_GROUP".equals(n.get("kind"))) {
                if (n.get("id") != null) {
                    return "customer group " + i + " reveals an id";
                }
                continue;
            }
            String query = switch ((String) n.get("kind")) {
                case "CUSTOMER" -> CUSTOMER;
                case "ITEM" -> ITEM;
                case "ENTITY" -> ENTITY;
                case "COUPON" -> COUPON;
                case "CAMPAIGN" -> CAMPAIGN;
                default -> null;
            };
            if (query == null) {
                return "node " + i + " has unknown kind " + n.get("kind");
            }
            List<Map<String, Object>> found = lookUp(query, Map.of("id", n.get("id")));
            if (found.size() != 1) {
                return "node " + i + " " + n.get("kind") + " '" + n.get("id") + "' not found";
            }
            element[i] = (String) found.get(0).get("e");
        }
        for (int i = 0; i < rels.size(); i++) {
            if ("CUSTOMER_GROUP".equals(nodes.get(i).get("kind"))) {
                continue;
            }
            if ("CUSTOMER_GROUP".equals(nodes.get(i + 1).get("kind"))) {
                long n = groupSize(element, i, rels, excluded);
                long shown = ((Number) nodes.get(i + 1).get("size")).longValue();
                if (n != shown) {
                    return "customer group " + (i + 1) + " shows " + shown + " customers, the graph has " + n;
                }
                continue;
            }
            boolean out = "OUT".equals(rels.get(i).get("direction"));
            long n = number(lookUp(RELATIONSHIP, Map.of("from", out ? element[i] : element[i + 1],
                    "to", out ? element[i + 1] : element[i], "type", rels.get(i).get("type"))));
            if (n == 0) {
                return "relationship " + i + " " + rels.get(i) + " does not exist";
            }
        }
        return null;
    }

    /**
     * The size of the customer group between nodes {@code i} and {@code i + 2}. On an unchanging graph the whole group
     * of each pair of neighbours is counted once, and the customer the path starts from is taken out of it by two
     * relationship checks: the recommended lists of many customers share their item pairs.
     */
    private long groupSize(String[] element, int i, List<Map<String, Object>> rels, List<Object> excluded) {
        Object in = rels.get(i).get("type");
        Object out = rels.get(i + 1).get("type");
        if (answers == null) {
            return number(cypher.apply(GROUP_SIZE, Map.of("before", element[i], "after", element[i + 2], "in", in,
                    "out", out, "excluded", excluded)));
        }
        long whole = number(lookUp(GROUP_SIZE, Map.of("before", element[i], "after", element[i + 2], "in", in,
                "out", out, "excluded", List.of())));
        boolean startInGroup = !excluded.isEmpty()
                && number(lookUp(RELATIONSHIP, Map.of("from", element[0], "to", element[i], "type", in))) > 0
                && number(lookUp(RELATIONSHIP, Map.of("from", element[0], "to", element[i + 2], "type", out))) > 0;
        return startInGroup ? whole - 1 : whole;
    }

    private List<Map<String, Object>> lookUp(String query, Map<String, Object> parameters) {
        if (answers == null) {
            return cypher.apply(query, parameters);
        }
        return answers.computeIfAbsent(List.of(query, parameters), key -> cypher.apply(query, parameters));
    }

    private static long number(List<Map<String, Object>> rows) {
        return ((Number) rows.get(0).get("n")).longValue();
    }
}
