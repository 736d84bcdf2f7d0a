package io.kgrec.cypher.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlsoBoughtTest {
    /**
     * c1 bought Apple and Bread (and rated Apple). c2 bought Apple, Cheese and Dates; c3 bought Bread, Apple and Cheese;
     * c4 rated Bread and viewed Eggs; c5 bought only Figs (shares nothing with c1). Apple is also SIMILAR_TO Figs, a
     * model relationship the baseline must not walk.
     */
    private static final String GRAPH = """
            CREATE (c1:Customer {id:'c1'}), (c2:Customer {id:'c2'}), (c3:Customer {id:'c3'}), (c4:Customer {id:'c4'}),
                   (c5:Customer {id:'c5'}),
                   (a:Item {id:'A', name:'Apple'}), (b:Item {id:'B', name:'Bread'}), (c:Item {id:'C', name:'Cheese'}),
                   (d:Item {id:'D', name:'Dates'}), (e:Item {id:'E', name:'Eggs'}), (f:Item {id:'F', name:'Figs'}),
                   (c1)-[:PURCHASED]->(a), (c1)-[:RATED]->(a), (c1)-[:PURCHASED]->(b),
                   (c2)-[:PURCHASED]->(a), (c2)-[:PURCHASED]->(c), (c2)-[:PURCHASED]->(d),
                   (c3)-[:PURCHASED]->(b), (c3)-[:PURCHASED]->(a), (c3)-[:PURCHASED]->(c),
                   (c4)-[:RATED]->(b), (c4)-[:VIEWED]->(e),
                   (c5)-[:PURCHASED]->(f), (a)-[:SIMILAR_TO {weight: 1.0}]->(f)
            """;

    @BeforeAll
    static void graph() {
        LibraryNeo4j.replaceGraph(GRAPH);
    }

    @Test
    void ranks_items_by_the_distinct_co_customers_who_have_them_leaving_out_the_customers_own_items() {
        var rows = LibraryNeo4j.run("also-bought", Map.of("customerId", "c1", "topK", 10));

        // Cheese: c2 and c3 (c3 reaches it through two shared items but counts once); Dates: c2; Eggs: c4 via a rating
        // and a view. Apple and Bread are c1's own; Figs is reached by no co-customer.
        assertThat(rows).containsExactly(
                Rows.row("itemId", "C", "name", "Cheese", "coCustomers", 2L),
                Rows.row("itemId", "D", "name", "Dates", "coCustomers", 1L),
                Rows.row("itemId", "E", "name", "Eggs", "coCustomers", 1L));
    }

    @Test
    void returns_at_most_top_k_items_and_nothing_for_an_unknown_customer() {
        var top = LibraryNeo4j.run("also-bought", Map.of("customerId", "c1", "topK", 1));
        var unknown = LibraryNeo4j.run("also-bought", Map.of("customerId", "nobody", "topK", 10));

        assertThat(top).extracting(r -> r.get("itemId")).containsExactly("C");
        assertThat(unknown).isEmpty();
    }
}
