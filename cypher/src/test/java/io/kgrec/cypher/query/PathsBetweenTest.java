package io.kgrec.cypher.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.kgrec.cypher.query.LibraryNeo4j.PathRead;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PathsBetweenTest {
    /**
     * From c1 to Banana: through the department of Apple (3 hops), through c2 who bought Apple too (3 hops), and
     * through brand X and an item–item fact (4 hops). Apple SIMILAR_TO Banana and a segment that FAVOURS Banana
     * are derived by kgrec, not facts, so they make no path.
     */
    private static final String GRAPH = """
            CREATE (c1:Customer {id:'c1'}), (c2:Customer {id:'c2'}),
                   (a:Item {id:'A', name:'Apple'}), (b:Item {id:'B', name:'Banana'}),
                   (c:Item {id:'C', name:'Cherry'}), (d:Item {id:'D', name:'Date'}),
                   (produce:Entity:Department {key:'department:PRODUCE', type:'department', name:'PRODUCE'}),
                   (x:Entity:Brand {key:'brand:X', type:'brand', name:'X'}),
                   (c1)-[:PURCHASED]->(a), (c1)-[:PURCHASED]->(c), (c2)-[:PURCHASED]->(a), (c2)-[:PURCHASED]->(b),
                   (a)-[:IN_DEPARTMENT]->(produce), (b)-[:IN_DEPARTMENT]->(produce),
                   (c)-[:MADE_BY]->(x), (d)-[:MADE_BY]->(x), (d)-[:PAIRS_WITH]->(b),
                   (a)-[:SIMILAR_TO]->(b),
                   (c1)-[:IN_SEGMENT]->(:Segment {id:'young'})-[:FAVOURS]->(b)
            """;
    private static final String VIA_DEPARTMENT =
            "(Customer c1)-[:PURCHASED]->(Item A: Apple)-[:IN_DEPARTMENT]->(Department PRODUCE)"
                    + "<-[:IN_DEPARTMENT]-(Item B: Banana)";
    private static final String VIA_CUSTOMER =
            "(Customer c1)-[:PURCHASED]->(Item A: Apple)<-[:PURCHASED]-(Customer c2)-[:PURCHASED]->(Item B: Banana)";
    private static final String VIA_BRAND =
            "(Customer c1)-[:PURCHASED]->(Item C: Cherry)-[:MADE_BY]->(Brand X)<-[:MADE_BY]-(Item D: Date)"
                    + "-[:PAIRS_WITH]->(Item B: Banana)";

    @BeforeAll
    static void graph() {
        LibraryNeo4j.replaceGraph(GRAPH);
    }

    @Test
    void returns_the_shortest_paths_up_to_max_hops_shortest_first_and_spelled_out() {
        var rows = LibraryNeo4j.run("paths-between", Map.of("customerId", "c1", "itemId", "B", "maxHops", 4,
                "limit", 10));

        assertThat(rows).extracting(r -> r.get("hops"), r -> r.get("route")).containsExactly(
                tuple(3L, VIA_DEPARTMENT),
                tuple(3L, VIA_CUSTOMER),
                tuple(4L, VIA_BRAND));
        assertThat(rows).extracting(r -> r.get("path")).containsExactly(
                new PathRead(List.of("c1", "A", "department:PRODUCE", "B"),
                        List.of("PURCHASED", "IN_DEPARTMENT", "IN_DEPARTMENT")),
                new PathRead(List.of("c1", "A", "c2", "B"), List.of("PURCHASED", "PURCHASED", "PURCHASED")),
                new PathRead(List.of("c1", "C", "brand:X", "D", "B"),
                        List.of("PURCHASED", "MADE_BY", "MADE_BY", "PAIRS_WITH")));
    }

    @Test
    void max_hops_and_limit_bound_the_answer() {
        var short3 = LibraryNeo4j.run("paths-between", Map.of("customerId", "c1", "itemId", "B", "maxHops", 3,
                "limit", 10));
        var first = LibraryNeo4j.run("paths-between", Map.of("customerId", "c1", "itemId", "B", "maxHops", 5,
                "limit", 1));
        var none = LibraryNeo4j.run("paths-between", Map.of("customerId", "c1", "itemId", "B", "maxHops", 2,
                "limit", 10));

        assertThat(short3).extracting(r -> r.get("route")).containsExactly(VIA_DEPARTMENT, VIA_CUSTOMER);
        assertThat(first).extracting(r -> r.get("route")).containsExactly(VIA_DEPARTMENT);
        assertThat(none).isEmpty();
    }
}
