package io.kgrec.cypher.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.cypher.testing.InProcessNeo4j;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Customer groups are counted as shown: without the customer a path starts from, and whole when a path starts from an
 * item, even where a customer's id is the same string as that item's (ids of different kinds often are, as in
 * MovieLens).
 */
class PathVerifierTest {
    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start();
        neo4j.run("UNWIND ['1', '2', '3'] AS id CREATE (:Customer {id: id})");
        neo4j.run("""
                CREATE (a:Item {id: '1'}), (b:Item {id: '2'})
                WITH a, b
                MATCH (c:Customer)
                CREATE (c)-[:PURCHASED]->(a), (c)-[:PURCHASED]->(b)
                """);
        // a customer who bought only the first item, so is in no group between the two
        neo4j.run("MATCH (a:Item {id: '1'}) CREATE (:Customer {id: '4'})-[:PURCHASED]->(a)");
    }

    /** The plain verifier, and the one that counts each group once and takes the path's customer out itself. */
    static Stream<PathVerifier> verifiers() {
        return Stream.of(new PathVerifier((q, p) -> neo4j.rows(q, p)),
                PathVerifier.ofUnchangingGraph((q, p) -> neo4j.rows(q, p)));
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void a_group_on_a_customers_path_leaves_that_customer_out(PathVerifier verifier) {
        Map<String, Object> path = customerPath("1", 2);

        assertThat(verifier.problem(path)).isNull();
        assertThat(verifier.problem(withGroupSize(path, 3))).contains("shows 3 customers, the graph has 2");
    }

    /** The same pair of items, from a customer who is in their group and from one who is not, on one verifier. */
    @ParameterizedTest
    @MethodSource("verifiers")
    void a_group_on_the_path_of_a_customer_outside_it_is_whole(PathVerifier verifier) {
        Map<String, Object> fromInside = customerPath("2", 2);
        Map<String, Object> fromOutside = customerPath("4", 3);

        assertThat(verifier.problem(fromInside)).isNull();
        assertThat(verifier.problem(fromOutside)).isNull();
        assertThat(verifier.problem(withGroupSize(fromOutside, 2))).contains("shows 2 customers, the graph has 3");
        assertThat(verifier.problem(withGroupSize(fromInside, 3))).contains("shows 3 customers, the graph has 2");
    }

    @ParameterizedTest
    @MethodSource("verifiers")
    void a_group_on_an_items_path_counts_every_customer_even_one_whose_id_is_the_items(PathVerifier verifier) {
        Map<String, Object> path = Map.of(
                "nodes", List.of(node("ITEM", "1"), group(3), node("ITEM", "2")),
                "relationships", List.of(rel("IN"), rel("OUT")));

        assertThat(verifier.problem(path)).isNull();
        assertThat(verifier.problem(withGroupSize(path, 2))).contains("shows 2 customers, the graph has 3");
    }

    /** customer -> item 1 <- group -> item 2 */
    private static Map<String, Object> customerPath(String customer, int groupSize) {
        return Map.of("nodes", List.of(node("CUSTOMER", customer), node("ITEM", "1"), group(groupSize),
                node("ITEM", "2")), "relationships", List.of(rel("OUT"), rel("IN"), rel("OUT")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withGroupSize(Map<String, Object> path, int size) {
        List<Map<String, Object>> nodes = ((List<Map<String, Object>>) path.get("nodes")).stream()
                .map(n -> "CUSTOMER_GROUP".equals(n.get("kind")) ? group(size) : n).toList();
        return Map.of("nodes", nodes, "relationships", path.get("relationships"));
    }

    private static Map<String, Object> node(String kind, String id) {
        return Map.of("kind", kind, "id", id);
    }

    private static Map<String, Object> group(int size) {
        return Map.of("kind", "CUSTOMER_GROUP", "size", size);
    }

    private static Map<String, Object> rel(String direction) {
        return Map.of("type", "PURCHASED", "direction", direction);
    }
}
