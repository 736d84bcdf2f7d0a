package io.kgrec.cypher.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.InProcessNeo4j;
import io.kgrec.cypher.verify.PathVerifier;
import io.kgrec.model.reason.NodeKind;
import io.kgrec.model.reason.PathKind;
import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonPathMaps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Audiences from the untrained path walk on a graph small enough to score by hand. */
class AudienceStreamProcTest {
    /**
     * Buyers: A by c1 c2 c3 c5 c6 c7 (6), B by c1 c3 c5 c6 c7 (5), C by c2 (1), D by c3 c4 (2). A and E are made by
     * brand X. c5 opted out of profiling; c6 has an open whole-customer flag; c7's flag was dismissed, so c7 counts.
     * Coupon K1 applies to C and D, coupon K2 to E; both are offered in campaign P1, which targeted c1, c2 and c4.
     */
    static final String GRAPH = """
            CREATE (c1:Customer {id:'c1', age:'25-34', segment:'champions'}), (c2:Customer {id:'c2', age:'35-44'}),
                   (c3:Customer {id:'c3'}), (c4:Customer {id:'c4'}),
                   (c5:Customer {id:'c5', profilingOptOut: true}), (c6:Customer {id:'c6'}), (c7:Customer {id:'c7'}),
                   (a:Item {id:'A', name:'Apple'}), (b:Item {id:'B', name:'Bread'}), (c:Item {id:'C', name:'Cheese'}),
                   (d:Item {id:'D', name:'Dates'}), (e:Item {id:'E', name:'Eggs'}), (f:Item {id:'F', name:'Figs'}),
                   (x:Entity:Brand {key:'brand:X', type:'brand', name:'X'}),
                   (a)-[:MADE_BY]->(x), (e)-[:MADE_BY]->(x),
                   (c1)-[:PURCHASED]->(a), (c1)-[:PURCHASED]->(b), (c2)-[:PURCHASED]->(a), (c2)-[:PURCHASED]->(c),
                   (c3)-[:PURCHASED]->(a), (c3)-[:PURCHASED]->(b), (c3)-[:PURCHASED]->(d), (c4)-[:PURCHASED]->(d),
                   (c5)-[:PURCHASED]->(a), (c5)-[:PURCHASED]->(b), (c6)-[:PURCHASED]->(a), (c6)-[:PURCHASED]->(b),
                   (c7)-[:PURCHASED]->(a), (c7)-[:PURCHASED]->(b),
                   (c6)-[:FLAGGED {status:'open', scope:'customer'}]->(:Anomaly {key:'BURST:c6'}),
                   (c7)-[:FLAGGED {status:'dismissed', scope:'customer'}]->(:Anomaly {key:'BURST:c7'}),
                   (k1:Coupon {upc:'K1'}), (k2:Coupon {upc:'K2'}), (p1:Campaign {id:'P1', type:'Type A'}),
                   (k1)-[:APPLIES_TO]->(c), (k1)-[:APPLIES_TO]->(d), (k2)-[:APPLIES_TO]->(e),
                   (k1)-[:OFFERED_IN]->(p1), (k2)-[:OFFERED_IN]->(p1),
                   (c1)-[:TARGETED_BY]->(p1), (c2)-[:TARGETED_BY]->(p1), (c4)-[:TARGETED_BY]->(p1)
            """;
    private static final double VIA_A_TO_D = 1 / Math.sqrt(6 * 2);
    private static final double VIA_B_TO_D = 1 / Math.sqrt(5 * 2);
    private static final double VIA_A_TO_C = 1 / Math.sqrt(6 * 1);
    /** E shares brand X with A: 0.02 · ln(6 items / 2 made by X) / sqrt(2). */
    private static final double BRAND_TO_E = 0.02 * Math.log(6.0 / 2) / Math.sqrt(2);

    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start(AudienceStreamProc.class, io.kgrec.cypher.recommend.ExplainStreamProc.class);
        neo4j.run(GRAPH);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    private static List<Map<String, Object>> audience(String kind, String id, Map<String, Object> config) {
        return neo4j.rows("CALL kgrec.audience.stream($kind, $id, $config)",
                Map.of("kind", kind, "id", id, "config", config));
    }

    @SuppressWarnings("unchecked")
    private static List<ReasonPath> reasons(Map<String, Object> row) {
        return ((List<Map<String, Object>>) row.get("reasons")).stream().map(ReasonPathMaps::fromMap).toList();
    }

    @Test
    void an_item_goes_to_the_customers_it_would_be_recommended_to_with_the_same_scores() {
        List<Map<String, Object>> rows = audience("item", "D", Map.of());

        // c3 and c4 already have D; c5 opted out; c6 is flagged; c7's flag was dismissed. c1 and c7 tie, by id.
        assertThat(rows).extracting(r -> r.get("customerId")).containsExactly("c1", "c7", "c2");
        assertThat((double) rows.get(0).get("score")).isCloseTo(VIA_A_TO_D + VIA_B_TO_D, within(1e-12));
        assertThat((double) rows.get(2).get("score")).isCloseTo(VIA_A_TO_D, within(1e-12));
        double recommended = (double) neo4j.rows("CALL kgrec.explain.stream('c1', 'D')", Map.of()).get(0).get("score");
        assertThat((double) rows.get(0).get("score")).isEqualTo(recommended);
        ReasonPath strongest = reasons(rows.get(0)).get(0);
        assertThat(strongest.nodes()).extracting(n -> n.kind()).containsExactly(
                NodeKind.CUSTOMER, NodeKind.ITEM, NodeKind.CUSTOMER_GROUP, NodeKind.ITEM);
        assertThat(strongest.nodes().get(1).id()).isEqualTo("B");
        assertThat(strongest.contribution()).isCloseTo(VIA_B_TO_D, within(1e-12));
        assertThat(strongest.sentence()).isEqualTo(
                "Customer c1 bought Bread, and 1 customer who bought it also bought Dates.");
        assertThat(rows.get(0)).containsEntry("targetItems", 1L).containsEntry("modelVersion", 0L)
                .containsEntry("eligible", 5L);
    }

    @Test
    void opted_out_and_flagged_customers_are_never_in_an_audience() {
        // Even counting purchasers and taking everyone: c5 (opted out) and c6 (open flag) never appear.
        List<Map<String, Object>> rows = audience("item", "A", Map.of("excludePurchasers", false, "topK", 100));

        assertThat(rows).extracting(r -> r.get("customerId")).contains("c1", "c7").doesNotContain("c5", "c6");
        assertThat(audience("coupon", "K1", Map.of("topK", 100))).extracting(r -> r.get("customerId"))
                .doesNotContain("c5", "c6");
    }

    @Test
    void a_flag_on_some_interactions_only_or_a_dismissed_flag_keeps_the_customer() {
        assertThat(audience("item", "D", Map.of())).extracting(r -> r.get("customerId")).contains("c7");
    }

    @Test
    void a_coupon_reaches_its_items_and_counts_repeat_purchases() {
        List<Map<String, Object>> rows = audience("coupon", "K1", Map.of());

        assertThat(rows).extracting(r -> r.get("customerId")).containsExactly("c3", "c2", "c1", "c7", "c4");
        assertThat((double) rows.get(0).get("score")).isCloseTo(1.0 + VIA_A_TO_C, within(1e-12));
        assertThat((double) rows.get(1).get("score")).isCloseTo(1.0 + VIA_A_TO_D, within(1e-12));
        assertThat((double) rows.get(2).get("score")).isCloseTo(VIA_A_TO_D + VIA_B_TO_D + VIA_A_TO_C, within(1e-12));
        assertThat((double) rows.get(4).get("score")).isCloseTo(1.0, within(1e-12));

        ReasonPath repeat = reasons(rows.get(0)).get(0);
        assertThat(repeat.kind()).isEqualTo(PathKind.REPEAT);
        assertThat(repeat.nodes()).extracting(n -> n.id()).containsExactly("c3", "D", "K1");
        assertThat(repeat.steps()).extracting(s -> s.type() + (s.forward() ? ">" : "<"))
                .containsExactly("PURCHASED>", "APPLIES_TO<");
        assertThat(repeat.contribution()).isEqualTo(1.0);
        assertThat(repeat.sentence()).isEqualTo("Customer c3 already bought Dates. Coupon K1 applies to Dates.");

        ReasonPath collaborative = reasons(rows.get(2)).get(0);
        assertThat(collaborative.nodes()).extracting(n -> n.kind()).containsExactly(NodeKind.CUSTOMER, NodeKind.ITEM,
                NodeKind.CUSTOMER_GROUP, NodeKind.ITEM, NodeKind.COUPON);
        assertThat(collaborative.end().id()).isEqualTo("K1");
        assertThat(collaborative.sentence()).isEqualTo("Customer c1 bought Apple, and 1 customer who bought it also "
                + "bought Cheese. Coupon K1 applies to Cheese.");
    }

    @Test
    void a_campaign_reaches_the_items_of_its_coupons_and_can_keep_to_its_targets() {
        List<Map<String, Object>> rows = audience("campaign", "P1", Map.of("targetedOnly", true));

        assertThat(rows).extracting(r -> r.get("customerId")).containsExactly("c2", "c1", "c4");
        assertThat((double) rows.get(0).get("score")).isCloseTo(1.0 + VIA_A_TO_D + BRAND_TO_E, within(1e-12));
        assertThat((double) rows.get(1).get("score"))
                .isCloseTo(VIA_A_TO_D + VIA_B_TO_D + VIA_A_TO_C + BRAND_TO_E, within(1e-12));
        assertThat(rows.get(0)).containsEntry("targetItems", 3L).containsEntry("eligible", 3L);
        ReasonPath repeat = reasons(rows.get(0)).get(0);
        assertThat(repeat.nodes()).extracting(n -> n.id()).containsExactly("c2", "C", "K1", "P1");
        assertThat(repeat.steps()).extracting(s -> s.type() + (s.forward() ? ">" : "<"))
                .containsExactly("PURCHASED>", "APPLIES_TO<", "OFFERED_IN>");
        assertThat(repeat.sentence()).isEqualTo(
                "Customer c2 already bought Cheese. Coupon K1 of campaign P1 applies to Cheese.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_path_exists_and_paths_plus_terms_add_up_to_the_score_when_paths_are_cut() {
        PathVerifier verifier = new PathVerifier((q, p) -> neo4j.rows(q, p));
        for (String[] target : new String[][] {{"item", "D"}, {"coupon", "K1"}, {"campaign", "P1"}}) {
            for (Map<String, Object> row : audience(target[0], target[1], Map.of("maxReasons", 1, "topK", 100))) {
                List<Map<String, Object>> reasons = (List<Map<String, Object>>) row.get("reasons");
                double sum = 0;
                for (Map<String, Object> r : reasons) {
                    assertThat(verifier.problem(r)).as("%s %s", target[1], r).isNull();
                    sum += (double) r.get("contribution");
                }
                for (Map<String, Object> t : (List<Map<String, Object>>) row.get("terms")) {
                    sum += (double) t.get("value");
                }
                assertThat(reasons).hasSizeLessThanOrEqualTo(1);
                assertThat(sum).as("%s %s", target[1], row.get("customerId"))
                        .isCloseTo((double) row.get("score"), within(1e-12));
            }
        }
        Map<String, Object> c1 = audience("campaign", "P1", Map.of("maxReasons", 1, "targetedOnly", true)).get(1);
        assertThat((List<Map<String, Object>>) c1.get("terms")).singleElement()
                .satisfies(t -> assertThat(t.get("name")).isEqualTo("other_paths"));
    }

    @Test
    void filters_on_customer_attributes_and_profile_segments() {
        assertThat(audience("item", "D", Map.of("customerFilter", Map.of("age", List.of("25-34")))))
                .extracting(r -> r.get("customerId")).containsExactly("c1");
        assertThat(audience("item", "D", Map.of("customerFilter", Map.of("segment", List.of("champions", "loyal")))))
                .extracting(r -> r.get("customerId")).containsExactly("c1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "income | 25-34 | unknown customer attribute 'income' in customerFilter; known: age, profilingOptOut, segment",
            "age | 65+ | unknown value of customer attribute age '65+' in customerFilter; known: 25-34, 35-44",
            "segment | loyal | unknown value of customer attribute segment 'loyal' in customerFilter; known: champions",
            "age | 65+;18-24 | unknown value of customer attribute age '65+', '18-24' in customerFilter"})
    void refuses_a_filter_on_an_attribute_or_value_no_customer_has(String property, String value, String message) {
        assertThatThrownBy(() -> audience("item", "D", Map.of("customerFilter", Map.of(property,
                List.of(value.split(";"))))))
                .hasStackTraceContaining(message);
    }

    @Test
    void pages_with_skip_rank_the_same_way() {
        List<Map<String, Object>> all = audience("coupon", "K1", Map.of());
        List<Map<String, Object>> second = audience("coupon", "K1", Map.of("skip", 2, "topK", 2));

        assertThat(second).extracting(r -> r.get("customerId")).containsExactly("c1", "c7");
        assertThat(second).extracting(r -> r.get("rank")).containsExactly(3L, 4L);
        assertThat(second.get(0).get("score")).isEqualTo(all.get(2).get("score"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void scores_only_rank_the_same_way_without_reasons() {
        List<Map<String, Object>> explained = audience("coupon", "K1", Map.of());
        List<Map<String, Object>> bare = audience("coupon", "K1", Map.of("explain", false));

        assertThat(bare).extracting(r -> r.get("customerId"))
                .containsExactlyElementsOf(explained.stream().map(r -> r.get("customerId")).toList());
        assertThat(bare).extracting(r -> r.get("score"))
                .containsExactlyElementsOf(explained.stream().map(r -> r.get("score")).toList());
        assertThat(bare).allSatisfy(r -> assertThat((List<Object>) r.get("reasons")).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "shop | D | targetKind must be one of item, coupon, campaign, got 'shop'",
            "item | Z | item 'Z' does not exist",
            "coupon | nope | coupon 'nope' does not exist",
            "campaign | '' | targetId must not be empty"})
    void rejects_unknown_targets(String kind, String id, String message) {
        assertThatThrownBy(() -> audience(kind, id, Map.of())).hasStackTraceContaining(message);
    }

    @Test
    void rejects_bad_configuration() {
        assertThatThrownBy(() -> audience("item", "D", Map.of("topK", 0))).hasStackTraceContaining("'topK' must be in");
        assertThatThrownBy(() -> audience("item", "D", Map.of("targetedOnly", true)))
                .hasStackTraceContaining("targetedOnly needs a coupon or campaign target");
        assertThatThrownBy(() -> audience("item", "D", Map.of("customerFilter", Map.of("a-b", List.of("x")))))
                .hasStackTraceContaining("'a-b' is not a property name");
        assertThatThrownBy(() -> audience("item", "D", Map.of("bogus", 1)))
                .hasStackTraceContaining("unknown configuration key(s) [bogus]");
    }
}
