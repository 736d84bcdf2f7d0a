package io.kgrec.api.testing;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Checks, with plain Cypher MATCHes written independently of the recommender, that a reason path as the API returned
 * it exists in the graph: every node exists, every relationship exists with its type and direction, and every
 * customer group has exactly the size shown.
 */
public final class ReasonPathVerifier {
    private static final String CUSTOMER = "MATCH (n:Customer {id: $id}) RETURN elementId(n) AS e";
    private static final String ITEM = "MATCH (n:Item {id: $id}) RETURN elementId(n) AS e";
    private static final String ENTITY = "MATCH (n:Entity {key: $id}) RETURN elementId(n) AS e";
    private static final String RELATIONSHIP = """
            MATCH (a)-[r]->(b)
            WHERE elementId(a) = $from AND elementId(b) = $to AND type(r) = $type
            RETURN count(r) AS n
            """;
    /** The other customers who reach both neighbours of a group with the group's two relationship types. */
    private static final String GROUP_SIZE = """
            MATCH (before)<-[r1]-(o:Customer)-[r2]->(after)
            WHERE elementId(before) = $before AND elementId(after) = $after AND type(r1) = $in AND type(r2) = $out
              AND o.id <> $customer
            RETURN count(DISTINCT o) AS n
            """;

    private final Driver driver;
    private final String database;

    public ReasonPathVerifier(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    /**
     * @param path a reason as the GraphQL API returns it: {@code nodes[{kind,id,size}]}, {@code relationships[{type,direction}]}
     * @return a description of the first thing that does not exist, or {@code null} when the whole path exists
     */
    @SuppressWarnings("unchecked")
    public String problem(Map<String, Object> path) {
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) path.get("nodes");
        List<Map<String, Object>> rels = (List<Map<String, Object>>) path.get("relationships");
        if (rels.size() != nodes.size() - 1) {
            return "a path of " + nodes.size() + " nodes with " + rels.size() + " relationships";
        }
        String customer = (String) nodes.get(0).get("id");
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
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
                    default -> null;
                };
                if (query == null) {
                    return "node " + i + " has unknown kind " + n.get("kind");
                }
                var found = session.run(query, Map.of("id", n.get("id"))).list();
                if (found.size() != 1) {
                    return "node " + i + " " + n.get("kind") + " '" + n.get("id") + "' not found";
                }
                element[i] = found.get(0).get("e").asString();
            }
            for (int i = 0; i < rels.size(); i++) {
                boolean groupAhead = "CUSTOMER_GROUP".equals(nodes.get(i + 1).get("kind"));
                boolean groupBehind = "CUSTOMER_GROUP".equals(nodes.get(i).get("kind"));
                if (groupBehind) {
                    continue;
                }
                if (groupAhead) {
                    // before <-[in]- group -[out]-> after
                    long n = session.run(GROUP_SIZE, Map.of("before", element[i], "after", element[i + 2],
                            "in", rels.get(i).get("type"), "out", rels.get(i + 1).get("type"), "customer", customer))
                            .single().get("n").asLong();
                    long shown = ((Number) nodes.get(i + 1).get("size")).longValue();
                    if (n != shown) {
                        return "customer group " + (i + 1) + " shows " + shown + " customers, the graph has " + n;
                    }
                    continue;
                }
                boolean out = "OUT".equals(rels.get(i).get("direction"));
                long n = session.run(RELATIONSHIP, Map.of("from", out ? element[i] : element[i + 1],
                        "to", out ? element[i + 1] : element[i], "type", rels.get(i).get("type")))
                        .single().get("n").asLong();
                if (n == 0) {
                    return "relationship " + i + " " + rels.get(i) + " does not exist";
                }
            }
        }
        return null;
    }
}
