package io.kgrec.cypher.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimilarCustomersTest {
    /**
     * c1 bought Apple (and rated it), Bread and Cheese: 3 items. c2 bought all three and Dates; c3 Apple and Bread;
     * c4 Apple and three others; c5 only Cheese; c6 nothing of c1's; c7 only viewed Apple.
     */
    private static final String GRAPH = """
            CREATE (c1:Customer {id:'c1'}), (c2:Customer {id:'c2'}), (c3:Customer {id:'c3'}), (c4:Customer {id:'c4'}),
                   (c5:Customer {id:'c5'}), (c6:Customer {id:'c6'}), (c7:Customer {id:'c7'}),
                   (a:Item {id:'A'}), (b:Item {id:'B'}), (c:Item {id:'C'}), (d:Item {id:'D'}),
                   (e:Item {id:'E'}), (f:Item {id:'F'}), (g:Item {id:'G'}),
                   (c1)-[:PURCHASED]->(a), (c1)-[:RATED]->(a), (c1)-[:PURCHASED]->(b), (c1)-[:PURCHASED]->(c),
                   (c2)-[:PURCHASED]->(a), (c2)-[:PURCHASED]->(b), (c2)-[:PURCHASED]->(c), (c2)-[:PURCHASED]->(d),
                   (c3)-[:PURCHASED]->(a), (c3)-[:PURCHASED]->(b),
                   (c4)-[:PURCHASED]->(a), (c4)-[:PURCHASED]->(e), (c4)-[:PURCHASED]->(f), (c4)-[:PURCHASED]->(g),
                   (c5)-[:PURCHASED]->(c),
                   (c6)-[:PURCHASED]->(e),
                   (c7)-[:VIEWED]->(a)
            """;

    @BeforeAll
    static void graph() {
        LibraryNeo4j.replaceGraph(GRAPH);
    }

    @Test
    void ranks_customers_by_the_jaccard_similarity_of_their_item_sets() {
        var rows = LibraryNeo4j.run("similar-customers", Map.of("customerId", "c1",
                "interactionTypes", List.of("PURCHASED", "RATED"), "topK", 10));

        assertThat(rows).containsExactly(
                row("c2", 3, 4, 3.0 / 4, 3.0 / 3),
                row("c3", 2, 2, 2.0 / 3, 2.0 / 2),
                row("c5", 1, 1, 1.0 / 3, 1.0 / 1),
                row("c4", 1, 4, 1.0 / 6, 1.0 / 3));
    }

    @Test
    void returns_at_most_top_k_customers_and_nothing_for_an_unknown_customer() {
        var top = LibraryNeo4j.run("similar-customers", Map.of("customerId", "c1",
                "interactionTypes", List.of("PURCHASED"), "topK", 2));
        var unknown = LibraryNeo4j.run("similar-customers", Map.of("customerId", "nobody",
                "interactionTypes", List.of("PURCHASED"), "topK", 2));

        assertThat(top).extracting(r -> r.get("customerId")).containsExactly("c2", "c3");
        assertThat(unknown).isEmpty();
    }

    private static Map<String, Object> row(String customerId, long shared, long theirs, double jaccard,
            double overlap) {
        return Rows.row("customerId", customerId, "sharedItems", shared, "theirItems", theirs, "myItems", 3L,
                "jaccard", jaccard, "overlap", overlap);
    }
}
