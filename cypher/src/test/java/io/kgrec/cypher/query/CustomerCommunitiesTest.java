package io.kgrec.cypher.query;

import static io.kgrec.cypher.query.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerCommunitiesTest {
    /**
     * Three separate groups: c1–c3 around Apple, Bread and Cheese (Apple bought by all three), c4–c5 around Dates and
     * Eggs, and c6 alone with Figs. c6 also viewed Apple, which only counts when VIEWED does.
     */
    private static final String GRAPH = """
            CREATE (c1:Customer {id:'c1'}), (c2:Customer {id:'c2'}), (c3:Customer {id:'c3'}),
                   (c4:Customer {id:'c4'}), (c5:Customer {id:'c5'}), (c6:Customer {id:'c6'}),
                   (a:Item {id:'A', name:'Apple'}), (b:Item {id:'B', name:'Bread'}), (c:Item {id:'C', name:'Cheese'}),
                   (d:Item {id:'D', name:'Dates'}), (e:Item {id:'E', name:'Eggs'}), (f:Item {id:'F', name:'Figs'}),
                   (c1)-[:PURCHASED]->(a), (c1)-[:PURCHASED]->(b), (c1)-[:PURCHASED]->(c),
                   (c2)-[:PURCHASED]->(a), (c2)-[:PURCHASED]->(b),
                   (c3)-[:PURCHASED]->(a), (c3)-[:PURCHASED]->(c),
                   (c4)-[:PURCHASED]->(d), (c4)-[:PURCHASED]->(e), (c5)-[:PURCHASED]->(d), (c5)-[:PURCHASED]->(e),
                   (c6)-[:PURCHASED]->(f), (c6)-[:VIEWED]->(a)
            """;

    @BeforeAll
    static void graph() {
        LibraryNeo4j.replaceGraph(GRAPH);
    }

    @Test
    void numbers_communities_by_size_and_lists_their_members_and_most_bought_items() {
        var rows = LibraryNeo4j.run("customer-communities", Map.of("interactionTypes", List.of("PURCHASED"),
                "membersShown", 2, "topItems", 2));

        assertThat(rows).containsExactly(
                row("community", 1L, "customers", 3L, "members", List.of("c1", "c2"),
                        "items", List.of("A: Apple (3)", "B: Bread (2)")),
                row("community", 2L, "customers", 2L, "members", List.of("c4", "c5"),
                        "items", List.of("D: Dates (2)", "E: Eggs (2)")),
                row("community", 3L, "customers", 1L, "members", List.of("c6"), "items", List.of("F: Figs (1)")));
    }

    @Test
    void drops_its_graph_projection_afterwards() {
        LibraryNeo4j.run("customer-communities", Map.of("interactionTypes", List.of("PURCHASED", "VIEWED"),
                "membersShown", 10, "topItems", 1));

        assertThat(LibraryNeo4j.rows("CALL gds.graph.list() YIELD graphName RETURN graphName", Map.of())).isEmpty();
    }
}
