package io.kgrec.cypher.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.InProcessNeo4j;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileProcTest {
    private static final long DAY = 86_400;

    /**
     * Five active customers and one without interactions; times are day numbers, the latest (day 100) is the as-of
     * moment. By hand, over the five active customers:
     * frequency c1 4, c2 1, c3 1, c4 3, c5 5 → scores 4, 1, 1, 3, 5 (1 + ⌊5 · smaller / 5⌋);
     * recency days c1 0, c2 90, c3 50, c4 4, c5 80 → scores 5, 1, 3, 4, 2;
     * money c1 8, c2 1.5, c4 4, c5 10 (c3 has none) → scores 3, 1, 2, 4 (over four).
     */
    private static final String GRAPH = """
            CREATE (a:Item {id:'A', name:'Milk'}), (b:Item {id:'B', name:'Butter'}),
                   (c:Item {id:'C', name:'Carrots'}), (d:Item {id:'D', name:'Bread'}),
                   (dairy:Entity:Department {key:'department:Dairy', type:'department', name:'Dairy'}),
                   (produce:Entity:Department {key:'department:Produce', type:'department', name:'Produce'}),
                   (bakery:Entity:Department {key:'department:Bakery', type:'department', name:'Bakery'}),
                   (x:Entity:Brand {key:'brand:X', type:'brand', name:'X'}),
                   (y:Entity:Brand {key:'brand:Y', type:'brand', name:'Y'}),
                   (a)-[:IN_DEPARTMENT]->(dairy), (b)-[:IN_DEPARTMENT]->(dairy), (c)-[:IN_DEPARTMENT]->(produce),
                   (d)-[:IN_DEPARTMENT]->(bakery), (a)-[:HAS_BRAND]->(x), (b)-[:HAS_BRAND]->(y), (c)-[:HAS_BRAND]->(x),
                   (coupon:Coupon {upc:'9'})-[:APPLIES_TO]->(d),
                   (c1:Customer {id:'c1'}), (c2:Customer {id:'c2'}), (c3:Customer {id:'c3'}),
                   (c4:Customer {id:'c4'}), (c5:Customer {id:'c5'}), (c6:Customer {id:'c6', segment_source:'x'}),
                   (c1)-[:PURCHASED {weight: 2.0, count: 3, spend: 6.0, timestamp: 100 * $day}]->(a),
                   (c1)-[:PURCHASED {weight: 1.0, count: 1, spend: 2.0, timestamp: 90 * $day}]->(c),
                   (c2)-[:PURCHASED {weight: 1.0, count: 1, spend: 1.5, timestamp: 10 * $day}]->(b),
                   (c3)-[:RATED {weight: 1.0, count: 1, timestamp: 50 * $day}]->(d),
                   (c4)-[:PURCHASED {weight: 1.0, count: 2, spend: 3.0, timestamp: 95 * $day}]->(a),
                   (c4)-[:PURCHASED {weight: 1.0, count: 1, spend: 1.0, timestamp: 96 * $day}]->(b),
                   (c5)-[:PURCHASED {weight: 3.0, count: 5, spend: 10.0, timestamp: 20 * $day}]->(c),
                   (c6)-[:TARGETED_BY]->(:Campaign {id:'1'})
            """;

    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start(ProfileWriteProc.class, ProfileStreamProc.class);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @BeforeEach
    void graph() {
        neo4j.clear();
        neo4j.rows(GRAPH, Map.of("day", DAY));
    }

    private static Map<String, Object> stream(String customer) {
        return neo4j.rows("CALL kgrec.profile.stream($c)", Map.of("c", customer)).get(0);
    }

    @Test
    void scores_recency_frequency_and_money_among_all_active_customers() {
        List<Map<String, Object>> all = neo4j.rows("CALL kgrec.profile.stream() YIELD customerId, recencyScore, "
                + "frequencyScore, monetaryScore RETURN * ORDER BY customerId", Map.of());

        assertThat(all).extracting(r -> r.get("customerId")).containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
        assertThat(all).extracting(r -> r.get("frequencyScore")).containsExactly(4L, 1L, 1L, 3L, 5L, 0L);
        assertThat(all).extracting(r -> r.get("recencyScore")).containsExactly(5L, 1L, 3L, 4L, 2L, 0L);
        assertThat(all).extracting(r -> r.get("monetaryScore")).containsExactly(3L, 1L, 0L, 2L, 4L, 0L);
    }

    @Test
    void labels_segments_and_activity_levels_by_the_documented_rules() {
        List<Map<String, Object>> all = neo4j.rows("CALL kgrec.profile.stream() YIELD customerId, segment, "
                + "activityLevel RETURN * ORDER BY customerId", Map.of());

        assertThat(all).extracting(r -> r.get("segment"))
                .containsExactly("champions", "hibernating", "promising", "promising", "at_risk", "inactive");
        assertThat(all).extracting(r -> r.get("activityLevel"))
                .containsExactly("medium", "low", "low", "medium", "high", "inactive");
    }

    @Test
    @SuppressWarnings("unchecked")
    void affinities_are_shares_of_the_customers_weight_within_each_entity_type() {
        Map<String, Object> c1 = stream("c1");

        assertThat(c1.get("recencyDays")).isEqualTo(0L);
        assertThat(c1.get("frequency")).isEqualTo(4L);
        assertThat((double) c1.get("monetary")).isCloseTo(8.0, within(1e-12));
        List<Map<String, Object>> affinities = (List<Map<String, Object>>) c1.get("affinities");
        assertThat(affinities).extracting(a -> a.get("type") + " " + a.get("name") + " " + a.get("rank"))
                .containsExactly("brand X 1", "department Dairy 1", "department Produce 2");
        assertThat((double) affinities.get(0).get("share")).isCloseTo(1.0, within(1e-12));
        assertThat((double) affinities.get(1).get("share")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat((double) affinities.get(2).get("share")).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    @SuppressWarnings("unchecked")
    void ties_rank_by_entity_key_and_coupons_are_not_attributes() {
        List<Map<String, Object>> c4 = (List<Map<String, Object>>) stream("c4").get("affinities");
        List<Map<String, Object>> c3 = (List<Map<String, Object>>) stream("c3").get("affinities");

        assertThat(c4).extracting(a -> a.get("key") + " " + a.get("share") + " " + a.get("rank"))
                .containsExactly("brand:X 0.5 1", "brand:Y 0.5 2", "department:Dairy 1.0 1");
        assertThat(c3).extracting(a -> a.get("key")).containsExactly("department:Bakery");
    }

    @Test
    void writes_profiles_onto_customers_and_affinities_as_relationships() {
        Map<String, Object> result = neo4j.rows("CALL kgrec.profile.write()", Map.of()).get(0);

        assertThat(result).containsEntry("customers", 6L).containsEntry("profiled", 5L)
                .containsEntry("affinities", 3L + 1 + 2 + 3 + 2).containsEntry("asOf", 100 * DAY);
        Map<String, Object> c5 = neo4j.rows("""
                MATCH (c:Customer {id:'c5'})
                RETURN c.recencyDays AS r, c.frequency AS f, c.monetary AS m, c.activityLevel AS level,
                       c.segment AS segment, c.profiledAt AS asOf
                """, Map.of()).get(0);
        assertThat(c5).containsEntry("r", 80L).containsEntry("f", 5L).containsEntry("m", 10.0)
                .containsEntry("level", "high").containsEntry("segment", "at_risk").containsEntry("asOf", 100 * DAY);
        assertThat(neo4j.rows("MATCH (c:Customer {id:'c1'})-[h:HAS_AFFINITY {type:'department', rank:1}]->(e) "
                + "RETURN e.name AS name, h.share AS share", Map.of()))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("name", "Dairy"));
        assertThat(neo4j.rows("MATCH (c:Customer {id:'c6'}) RETURN c.segment AS s, c.segment_source AS src, "
                + "c.recencyDays AS r", Map.of()).get(0))
                .containsEntry("s", "inactive").containsEntry("src", "x").containsEntry("r", null);
    }

    @Test
    void writing_again_leaves_the_same_profiles() {
        neo4j.run("CALL kgrec.profile.write()");
        String query = """
                MATCH (c:Customer) OPTIONAL MATCH (c)-[h:HAS_AFFINITY]->(e)
                WITH c, h, e ORDER BY c.id, e.key
                RETURN collect([c.id, properties(c), e.key, properties(h)]) AS all
                """;
        Object first = neo4j.rows(query, Map.of()).get(0).get("all");
        neo4j.run("CALL kgrec.profile.write()");

        assertThat(neo4j.rows(query, Map.of()).get(0).get("all")).isEqualTo(first);
    }

    @Test
    void a_stated_as_of_moment_and_top_per_type_are_honoured() {
        Map<String, Object> c1 = neo4j.rows("CALL kgrec.profile.stream('c1', {asOf: $t, topPerType: 1})",
                Map.of("t", 110 * DAY)).get(0);

        assertThat(c1.get("recencyDays")).isEqualTo(10L);
        assertThat((List<?>) c1.get("affinities")).hasSize(2);
    }

    @Test
    void rejects_unknown_customers_and_bad_configuration() {
        assertThatThrownBy(() -> stream("nobody")).hasStackTraceContaining("customer 'nobody' does not exist");
        assertThatThrownBy(() -> neo4j.rows("CALL kgrec.profile.write({topPerType: 0})", Map.of()))
                .hasStackTraceContaining("'topPerType' must be in [1, 100]");
        assertThatThrownBy(() -> neo4j.rows("CALL kgrec.profile.write({bogus: 1})", Map.of()))
                .hasStackTraceContaining("unknown configuration key(s) [bogus]");
    }
}
