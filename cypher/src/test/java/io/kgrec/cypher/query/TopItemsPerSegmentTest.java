package io.kgrec.cypher.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopItemsPerSegmentTest {
    /** c2 both bought and rated Apple, and only viewed Dates; c4 has no segment and no income. */
    private static final String GRAPH = """
            CREATE (c1:Customer {id:'c1', segment:'young', income:'50-74K'}),
                   (c2:Customer {id:'c2', segment:'young', income:'Under 15K'}),
                   (c3:Customer {id:'c3', segment:'old', income:'50-74K'}),
                   (c4:Customer {id:'c4'}),
                   (a:Item {id:'A', name:'Apple'}), (b:Item {id:'B', name:'Bread'}),
                   (c:Item {id:'C', name:'Cheese'}), (d:Item {id:'D', name:'Dates'}),
                   (c1)-[:PURCHASED]->(a), (c1)-[:PURCHASED]->(b),
                   (c2)-[:PURCHASED]->(a), (c2)-[:RATED]->(a), (c2)-[:PURCHASED]->(c), (c2)-[:VIEWED]->(d),
                   (c3)-[:PURCHASED]->(b), (c3)-[:PURCHASED]->(d),
                   (c4)-[:PURCHASED]->(d)
            """;

    @BeforeAll
    static void graph() {
        LibraryNeo4j.replaceGraph(GRAPH);
    }

    @Test
    void ranks_each_segments_items_by_how_many_of_its_customers_bought_them() {
        var rows = LibraryNeo4j.run("top-items-per-segment", Map.of("segmentBy", "segment",
                "interactionTypes", List.of("PURCHASED", "RATED"), "topK", 2));

        assertThat(rows).containsExactly(
                row("old", 1, 1, "B", "Bread", 1, 1.0),
                row("old", 1, 2, "D", "Dates", 1, 1.0),
                row("young", 2, 1, "A", "Apple", 2, 1.0),
                row("young", 2, 2, "B", "Bread", 1, 0.5),
                row(null, 1, 1, "D", "Dates", 1, 1.0));
    }

    @Test
    void segments_by_any_customer_property_and_counts_only_the_given_interaction_types() {
        var rows = LibraryNeo4j.run("top-items-per-segment", Map.of("segmentBy", "income",
                "interactionTypes", List.of("PURCHASED", "VIEWED"), "topK", 1));

        assertThat(rows).containsExactly(
                row("50-74K", 2, 1, "B", "Bread", 2, 1.0),
                row("Under 15K", 1, 1, "A", "Apple", 1, 1.0),
                row(null, 1, 1, "D", "Dates", 1, 1.0));
    }

    private static Map<String, Object> row(String segment, long segmentCustomers, long rank, String itemId,
            String name, long customers, double share) {
        return Rows.row("segment", segment, "segmentCustomers", segmentCustomers, "rank", rank, "itemId", itemId,
                "name", name, "customers", customers, "share", share);
    }
}
