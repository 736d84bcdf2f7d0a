package io.kgrec.cypher.query;

import static io.kgrec.cypher.query.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BridgeItemsTest {
    /**
     * Two tight groups: c1–c3 each bought Apple, Bread and Cheese; c4–c6 each bought Dates, Eggs and Figs. Milk was
     * bought by c1 and c4 (one in each group), Nuts by c2, c3 and c5 (two in the first group, one in the second).
     */
    private static final String GRAPH = """
            CREATE (c1:Customer {id:'c1'}), (c2:Customer {id:'c2'}), (c3:Customer {id:'c3'}),
                   (c4:Customer {id:'c4'}), (c5:Customer {id:'c5'}), (c6:Customer {id:'c6'}),
                   (a:Item {id:'A', name:'Apple'}), (b:Item {id:'B', name:'Bread'}), (c:Item {id:'C', name:'Cheese'}),
                   (d:Item {id:'D', name:'Dates'}), (e:Item {id:'E', name:'Eggs'}), (f:Item {id:'F', name:'Figs'}),
                   (m:Item {id:'M', name:'Milk'}), (n:Item {id:'N', name:'Nuts'})
            WITH [c1, c2, c3] AS first, [c4, c5, c6] AS second, [a, b, c] AS firstItems, [d, e, f] AS secondItems, m, n
            FOREACH (x IN first | FOREACH (i IN firstItems | CREATE (x)-[:PURCHASED]->(i)))
            FOREACH (x IN second | FOREACH (i IN secondItems | CREATE (x)-[:PURCHASED]->(i)))
            FOREACH (x IN [first[0], second[0]] | CREATE (x)-[:PURCHASED]->(m))
            FOREACH (x IN [first[1], first[2], second[1]] | CREATE (x)-[:PURCHASED]->(n))
            """;

    @BeforeAll
    static void graph() {
        LibraryNeo4j.replaceGraph(GRAPH);
    }

    @Test
    void ranks_items_by_the_communities_of_their_customers_most_evenly_spread_first() {
        var rows = LibraryNeo4j.run("bridge-items", Map.of("interactionTypes", List.of("PURCHASED"),
                "minCommunitySize", 2, "topK", 3));

        assertThat(rows).containsExactly(
                row("itemId", "M", "name", "Milk", "communities", 2L, "customers", 2L, "mainShare", 1.0 / 2),
                row("itemId", "N", "name", "Nuts", "communities", 2L, "customers", 3L, "mainShare", 2.0 / 3),
                row("itemId", "A", "name", "Apple", "communities", 1L, "customers", 3L, "mainShare", 1.0));
    }

    @Test
    void ignores_communities_smaller_than_the_minimum() {
        var rows = LibraryNeo4j.run("bridge-items", Map.of("interactionTypes", List.of("PURCHASED"),
                "minCommunitySize", 4, "topK", 3));

        assertThat(rows).isEmpty();
    }
}
