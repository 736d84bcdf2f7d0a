package io.kgrec.cypher.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryLibraryTest {
    /** Enough of a graph for every query to find something, with the ids the headers use as examples. */
    private static final String GRAPH = """
            CREATE (c1:Customer {id:'1453', segment:'a'}), (c2:Customer {id:'27', segment:'a'}),
                   (c3:Customer {id:'19', segment:'b'}),
                   (i1:Item {id:'1029743', name:'FLUID MILK'}), (i2:Item {id:'2', name:'BANANAS'}),
                   (dairy:Entity:Department {key:'department:DAIRY', type:'department', name:'DAIRY'}),
                   (c1)-[:PURCHASED {count: 2}]->(i2), (c2)-[:PURCHASED {count: 1}]->(i2),
                   (c2)-[:PURCHASED {count: 1}]->(i1), (c3)-[:PURCHASED {count: 1}]->(i1),
                   (i1)-[:IN_DEPARTMENT]->(dairy)
            """;

    @BeforeAll
    static void graph() {
        LibraryNeo4j.replaceGraph(GRAPH);
    }

    @Test
    void lists_the_indexed_queries_in_order_with_summaries_and_documented_parameters() {
        var queries = QueryLibrary.load().all();

        assertThat(queries).extracting(LibraryQuery::name).containsExactly("top-items-per-segment",
                "attribute-affinity", "similar-customers", "paths-between", "customer-communities", "bridge-items",
                "also-bought");
        assertThat(queries).allSatisfy(q -> {
            assertThat(q.summary()).as(q.name()).endsWith(".");
            assertThat(q.description()).as(q.name()).isNotBlank();
            assertThat(q.parameters()).as(q.name()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.description()).isNotBlank());
            assertThat(q.text()).as(q.name()).startsWith("// " + q.name() + ": ").endsWith(";\n");
        });
    }

    @Test
    void every_query_runs_with_the_example_values_of_its_header() {
        for (LibraryQuery query : QueryLibrary.load().all()) {
            // the examples are what an analyst pastes from the header; required ones are passed as a user would
            Map<String, Object> parameters = query.bind(query.parameters().stream()
                    .filter(QueryParameter::required)
                    .collect(Collectors.toMap(QueryParameter::name, p -> (String) p.example())));

            assertThat(LibraryNeo4j.run(query.name(), parameters)).as(query.name()).isNotEmpty();
        }
    }

    @Test
    void names_the_known_queries_when_asked_for_an_unknown_one() {
        assertThatThrownBy(() -> QueryLibrary.load().get("top-items"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no query named top-items")
                .hasMessageContaining("top-items-per-segment, attribute-affinity");
    }
}
