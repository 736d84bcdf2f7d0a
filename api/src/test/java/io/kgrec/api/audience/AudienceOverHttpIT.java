package io.kgrec.api.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.api.cli.AudienceExport;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import io.kgrec.api.training.ModelTrainer;
import io.kgrec.api.training.TrainingWatch;
import io.kgrec.cypher.verify.PathVerifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audiences over HTTP from the trained model: every reason path exists in the graph and ends at the target, the parts
 * add up to the score, opted-out and flagged customers never appear, and the CSV export lists the same customers.
 * The fixture has no marketing files, so a coupon and a campaign are created here, on the fixture's most bought items.
 */
class AudienceOverHttpIT extends LoadedApplication {
    static final String AUDIENCE = """
            query ($item: ID, $coupon: ID, $campaign: ID, $first: Int, $after: String, $filter: AudienceFilter) {
              audience(itemId: $item, couponId: $coupon, campaignId: $campaign, first: $first, after: $after,
                       filter: $filter) {
                target { kind id items }
                modelVersion
                edges { cursor node { rank customerId segment activityLevel attributes { key value } score
                  reasons { kind contribution sentence nodes { kind id size } relationships { type direction } }
                  scoreTerms { name value } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
    private static final String MARKETING = """
            MATCH (i:Item)<-[p:PURCHASED]-()
            WITH i, count(p) AS buyers ORDER BY buyers DESC, i.id LIMIT 3
            WITH collect(i) AS items
            MERGE (k:Coupon {upc: 'IT-K1'}) MERGE (p:Campaign {id: 'IT-P1'}) SET p.type = 'Type A'
            MERGE (k)-[:OFFERED_IN]->(p)
            FOREACH (i IN items | MERGE (k)-[:APPLIES_TO]->(i))
            WITH p
            MATCH (c:Customer) WHERE COUNT { (c)-[:PURCHASED]->() } >= 3
            WITH p, c ORDER BY c.id LIMIT 40
            MERGE (c)-[:TARGETED_BY]->(p)
            """;
    private static boolean ready;

    @BeforeEach
    void trainAndCreateMarketingOnce() {
        synchronized (AudienceOverHttpIT.class) {
            if (!ready) {
                new ModelTrainer(graph).train(42, TrainingWatch.NONE);
                graph.driver().executableQuery(MARKETING).execute();
                ready = true;
            }
        }
    }

    GraphQlClient.Response audience(Map<String, Object> variables) {
        return client(ANALYST).post(AUDIENCE, variables);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> members(GraphQlClient.Response r) {
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        return ((List<Map<String, Object>>) r.data("audience", "edges")).stream()
                .map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    private String popularItem() {
        return graph.driver().executableQuery("""
                MATCH (i:Item)<-[p:PURCHASED]-() WITH i.id AS id, count(p) AS buyers
                RETURN id ORDER BY buyers DESC, id LIMIT 1
                """).execute().records().get(0).get("id").asString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_audience_path_exists_ends_at_the_target_and_adds_up_to_the_score() {
        PathVerifier verifier = new PathVerifier((q, p) -> graph.driver().executableQuery(q).withParameters(p)
                .execute().records().stream().map(r -> r.asMap()).toList());
        String item = popularItem();
        int paths = 0;
        for (Map<String, Object> target : List.of(Map.<String, Object>of("item", item), Map.<String, Object>of("coupon",
                "IT-K1"), Map.<String, Object>of("campaign", "IT-P1"))) {
            GraphQlClient.Response r = audience(merged(target, Map.of("first", 15)));
            List<Map<String, Object>> members = members(r);
            assertThat(members).as("audience of %s", target).hasSize(15);
            assertThat((String) r.data("audience", "modelVersion")).startsWith("model-");
            String kind = target.keySet().iterator().next();
            String expectedEnd = kind.equals("item") ? "ITEM" : kind.toUpperCase();
            double previous = Double.MAX_VALUE;
            for (Map<String, Object> m : members) {
                double score = ((Number) m.get("score")).doubleValue();
                assertThat(score).isLessThanOrEqualTo(previous);
                previous = score;
                double sum = 0;
                List<Map<String, Object>> reasons = (List<Map<String, Object>>) m.get("reasons");
                assertThat(reasons).isNotEmpty();
                for (Map<String, Object> reason : reasons) {
                    assertThat(verifier.problem(reason)).as("%s %s: %s", target, m.get("customerId"), reason).isNull();
                    List<Map<String, Object>> nodes = (List<Map<String, Object>>) reason.get("nodes");
                    assertThat(nodes.get(0).get("id")).isEqualTo(m.get("customerId"));
                    assertThat(nodes.get(nodes.size() - 1).get("kind")).isEqualTo(expectedEnd);
                    assertThat((String) reason.get("sentence")).startsWith("Customer " + m.get("customerId") + " ");
                    sum += ((Number) reason.get("contribution")).doubleValue();
                    paths++;
                }
                for (Map<String, Object> term : (List<Map<String, Object>>) m.get("scoreTerms")) {
                    sum += ((Number) term.get("value")).doubleValue();
                }
                assertThat(sum).as("%s %s", target, m.get("customerId")).isCloseTo(score, within(1e-9));
            }
            if (kind.equals("item")) {
                assertThat(count("MATCH (c:Customer)-[:PURCHASED]->(:Item {id: $item}) WHERE c.id IN $ids "
                        + "RETURN count(c)", Map.of("item", item, "ids", members.stream().map(m -> m.get("customerId"))
                        .toList()))).as("an item's audience leaves out its buyers").isZero();
            }
        }
        assertThat(paths).isGreaterThan(60);
    }

    @Test
    void opted_out_and_flagged_customers_leave_the_audience() {
        List<Map<String, Object>> before = members(audience(Map.of("coupon", "IT-K1", "first", 5)));
        String optedOut = (String) before.get(0).get("customerId");
        String flagged = (String) before.get(1).get("customerId");
        String dismissed = (String) before.get(2).get("customerId");
        try {
            graph.driver().executableQuery("""
                    MATCH (o:Customer {id: $optedOut}) SET o.profilingOptOut = true
                    WITH 1 AS one
                    MATCH (f:Customer {id: $flagged}), (d:Customer {id: $dismissed})
                    MERGE (a:Anomaly {key: 'IT-AUDIENCE'})
                    MERGE (f)-[:FLAGGED {status: 'open', scope: 'customer'}]->(a)
                    MERGE (d)-[:FLAGGED {status: 'dismissed', scope: 'customer'}]->(a)
                    """).withParameters(Map.of("optedOut", optedOut, "flagged", flagged, "dismissed", dismissed))
                    .execute();

            List<String> after = members(audience(Map.of("coupon", "IT-K1", "first", 100))).stream()
                    .map(m -> (String) m.get("customerId")).toList();

            assertThat(after).doesNotContain(optedOut, flagged).contains(dismissed);
        } finally {
            graph.driver().executableQuery("""
                    MATCH (o:Customer {id: $optedOut}) REMOVE o.profilingOptOut
                    WITH 1 AS one
                    MATCH (a:Anomaly {key: 'IT-AUDIENCE'}) DETACH DELETE a
                    """).withParameters(Map.of("optedOut", optedOut)).execute();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void filters_keep_only_matching_customers_and_targeted_only_keeps_the_campaigns_targets() {
        List<Map<String, Object>> incomes = members(audience(Map.of("campaign", "IT-P1", "first", 50,
                "filter", Map.of("incomes", List.of("35-49K", "50-74K")))));
        assertThat(incomes).isNotEmpty().allSatisfy(m -> assertThat((List<Map<String, Object>>) m.get("attributes"))
                .anySatisfy(a -> {
                    assertThat(a.get("key")).isEqualTo("income");
                    assertThat(a.get("value")).isIn("35-49K", "50-74K");
                }));
        String segment = (String) members(audience(Map.of("coupon", "IT-K1", "first", 1))).get(0).get("segment");
        assertThat(segment).isNotNull();
        assertThat(members(audience(Map.of("coupon", "IT-K1", "first", 50, "filter", Map.of("segments",
                List.of(segment)))))).isNotEmpty().allSatisfy(m -> assertThat(m.get("segment")).isEqualTo(segment));

        List<String> targeted = members(audience(Map.of("campaign", "IT-P1", "first", 100,
                "filter", Map.of("targetedOnly", true)))).stream().map(m -> (String) m.get("customerId")).toList();
        assertThat(targeted).isNotEmpty().hasSizeLessThanOrEqualTo(40);
        assertThat(count("MATCH (c:Customer)-[:TARGETED_BY]->(:Campaign {id: 'IT-P1'}) WHERE c.id IN $ids "
                + "RETURN count(c)", Map.of("ids", targeted))).isEqualTo(targeted.size());
    }

    @Test
    void pages_follow_each_other() {
        GraphQlClient.Response first = audience(Map.of("coupon", "IT-K1", "first", 5));
        List<Map<String, Object>> all = members(audience(Map.of("coupon", "IT-K1", "first", 10)));
        String after = first.data("audience", "pageInfo", "endCursor");
        List<Map<String, Object>> second = members(audience(Map.of("coupon", "IT-K1", "first", 5, "after", after)));

        assertThat((Boolean) first.data("audience", "pageInfo", "hasNextPage")).isTrue();
        assertThat(second).extracting(m -> m.get("customerId"))
                .containsExactlyElementsOf(all.subList(5, 10).stream().map(m -> m.get("customerId")).toList());
        assertThat(second).extracting(m -> m.get("rank")).containsExactly(6, 7, 8, 9, 10);
    }

    @Test
    void a_filter_that_matches_nobody_is_answered_without_an_internal_error() {
        GraphQlClient.Response r = audience(Map.of("coupon", "IT-K1", "first", 5,
                "filter", Map.of("ageBands", List.of("no-such-band"))));

        assertThat(r.errorCode()).as(r.text()).isNotEqualTo("INTERNAL");
        if (r.errorCode() == null) {
            assertThat((List<?>) r.data("audience", "edges")).isEmpty();
            assertThat((Object) r.data("audience", "target", "items")).isEqualTo(1);
        } else {
            assertThat(r.errorCode()).isEqualTo("BAD_REQUEST");
            assertThat(r.text()).contains("no-such-band");
        }
    }

    @Test
    void bad_requests_name_the_argument() {
        assertThat(audience(Map.of("item", popularItem(), "coupon", "IT-K1")).errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(audience(Map.of()).errorCode()).isEqualTo("BAD_REQUEST");
        GraphQlClient.Response unknown = audience(Map.of("coupon", "no-such-coupon"));
        assertThat(unknown.errorCode()).as(unknown.text()).isEqualTo("NOT_FOUND");
        assertThat(unknown.text()).contains("coupon 'no-such-coupon' does not exist");
        assertThat(audience(Map.of("item", popularItem(), "filter", Map.of("targetedOnly", true))).errorCode())
                .isEqualTo("BAD_REQUEST");
        assertThat(audience(Map.of("coupon", "IT-K1", "first", 101)).errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void the_csv_export_lists_the_same_customers_with_their_top_reason_quoted() {
        List<Map<String, Object>> members = members(audience(Map.of("campaign", "IT-P1", "first", 20)));

        List<List<String>> csv = AudienceExport.parse(AudienceExport.run(graph, "--campaign", "IT-P1", "--top", "20"));

        assertThat(csv.get(0)).containsExactly("rank", "customer_id", "score", "top_reason");
        assertThat(csv.subList(1, csv.size())).extracting(row -> row.get(1))
                .containsExactlyElementsOf(members.stream().map(m -> (String) m.get("customerId")).toList());
        for (int i = 1; i < csv.size(); i++) {
            Map<String, Object> m = members.get(i - 1);
            assertThat(Double.parseDouble(csv.get(i).get(2))).isCloseTo(((Number) m.get("score")).doubleValue(),
                    within(1e-9));
            assertThat(csv.get(i).get(3)).startsWith("Customer " + m.get("customerId") + " ").endsWith(".");
        }
    }

    private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new java.util.HashMap<>(a);
        out.putAll(b);
        return out;
    }
}
