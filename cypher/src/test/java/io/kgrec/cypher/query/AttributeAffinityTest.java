package io.kgrec.cypher.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttributeAffinityTest {
    /**
     * Interactions (count = merged source rows): young c1 Apple 3, Cheese 1; young c2 Bread 1, Dates 2; old c3 Cheese 2
     * (and rated Apple); c4, without a segment, Bread 1. All PURCHASED: 10; young 7, old 2, none 1.
     * PRODUCE (Apple, linked twice, and Bread): 3 + 1 + 1 = 5 of 10; DAIRY (Cheese): 1 + 2 = 3 of 10; Dates has no
     * department, only the brand X: 2 of 10.
     */
    private static final String GRAPH = """
            CREATE (c1:Customer {id:'c1', segment:'young'}), (c2:Customer {id:'c2', segment:'young'}),
                   (c3:Customer {id:'c3', segment:'old'}), (c4:Customer {id:'c4'}),
                   (a:Item {id:'A', name:'Apple'}), (b:Item {id:'B', name:'Bread'}),
                   (c:Item {id:'C', name:'Cheese'}), (d:Item {id:'D', name:'Dates'}),
                   (produce:Entity:Department {key:'department:PRODUCE', type:'department', name:'PRODUCE'}),
                   (dairy:Entity:Department {key:'department:DAIRY', type:'department', name:'DAIRY'}),
                   (x:Entity:Brand {key:'brand:X', type:'brand', name:'X'}),
                   (a)-[:IN_DEPARTMENT]->(produce), (a)-[:SOLD_IN]->(produce), (b)-[:IN_DEPARTMENT]->(produce),
                   (c)-[:IN_DEPARTMENT]->(dairy), (d)-[:HAS_BRAND]->(x),
                   (c1)-[:PURCHASED {count: 3}]->(a), (c1)-[:PURCHASED {count: 1}]->(c),
                   (c2)-[:PURCHASED {count: 1}]->(b), (c2)-[:PURCHASED {count: 2}]->(d),
                   (c3)-[:PURCHASED {count: 2}]->(c), (c3)-[:RATED]->(a),
                   (c4)-[:PURCHASED {count: 1}]->(b)
            """;

    @BeforeAll
    static void graph() {
        LibraryNeo4j.replaceGraph(GRAPH);
    }

    @Test
    void shares_each_segments_interactions_among_the_entities_of_a_type_with_their_lift() {
        var rows = LibraryNeo4j.run("attribute-affinity", Map.of("segmentBy", "segment", "entityType", "department",
                "interactionTypes", List.of("PURCHASED"), "topK", 10));

        assertThat(rows).containsExactly(
                row("old", "DAIRY", "department:DAIRY", 2, 2.0 / 2, 3.0 / 10),
                row("young", "PRODUCE", "department:PRODUCE", 4, 4.0 / 7, 5.0 / 10),
                row("young", "DAIRY", "department:DAIRY", 1, 1.0 / 7, 3.0 / 10),
                row(null, "PRODUCE", "department:PRODUCE", 1, 1.0 / 1, 5.0 / 10));
    }

    @Test
    void works_for_any_entity_type_and_lists_at_most_top_k_entities_per_segment() {
        var brands = LibraryNeo4j.run("attribute-affinity", Map.of("segmentBy", "segment", "entityType", "brand",
                "interactionTypes", List.of("PURCHASED"), "topK", 10));
        var topDepartment = LibraryNeo4j.run("attribute-affinity", Map.of("segmentBy", "segment",
                "entityType", "department", "interactionTypes", List.of("PURCHASED"), "topK", 1));

        assertThat(brands).containsExactly(row("young", "X", "brand:X", 2, 2.0 / 7, 2.0 / 10));
        assertThat(topDepartment).extracting(r -> r.get("segment") + " " + r.get("entity"))
                .containsExactly("old DAIRY", "young PRODUCE", "null PRODUCE");
    }

    private static Map<String, Object> row(String segment, String entity, String key, long interactions,
            double share, double overallShare) {
        return Rows.row("segment", segment, "entity", entity, "entityKey", key, "interactions", interactions,
                "share", share, "overallShare", overallShare, "lift", share / overallShare);
    }
}
