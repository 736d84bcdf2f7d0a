package io.kgrec.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reviewer's GraphQL operations over HTTP: anomaly flags after a push attack injected into the Complete Journey
 * fixture, and the audit report. The attack is removed afterwards, so the other tests sharing the application see
 * the fixture as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditOverHttpIT extends LoadedApplication {
    /** Bought by one household of the fixture. */
    private static final String TARGET = "1000050";
    private static final int ATTACKERS = 6;
    private static final String INJECT = """
            MATCH (i:Item) WHERE i.id <> $target
            WITH i ORDER BY i.id SKIP 300 LIMIT 60
            WITH collect(i) AS fillers
            MATCH (t:Item {id: $target})
            UNWIND range(0, $attackers - 1) AS a
            CREATE (c:Customer {id: 'attack-' + a})
            CREATE (c)-[:PURCHASED {raw: 1.0, weight: log(2), count: 1, timestamp: 1514000000 + a * 600}]->(t)
            WITH c, a, fillers
            UNWIND range(0, 9) AS k
            WITH c, a, k, fillers[(a * 7 + k * 13) % size(fillers)] AS f
            CREATE (c)-[:PURCHASED {raw: 1.0, weight: log(2), count: 1, timestamp: 1514000000 + a * 600 + k * 7}]->(f)
            """;
    private static final String REMOVE = """
            MATCH (c:Customer) WHERE c.id STARTS WITH 'attack-' DETACH DELETE c
            """;
    private static final String FLAGS = """
            query($after: String) {
              flaggedCustomers(first: 4, after: $after) {
                edges { cursor node { customerId anomaly kind scope score status summary members interactions
                        evidence { name value } anomalyEvidence { name value } targetItem { id name } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
    private boolean attacked;

    @BeforeEach
    void attackOnce() {
        if (!attacked) {
            graph.driver().executableQuery(INJECT).withParameters(Map.of("target", TARGET, "attackers", ATTACKERS))
                    .execute();
            graph.driver().executableQuery("CALL kgrec.anomaly.detect()").execute();
            attacked = true;
        }
    }

    @AfterAll
    void removeAttack() {
        graph.driver().executableQuery(REMOVE).execute();
        graph.driver().executableQuery("MATCH (a:Anomaly) DETACH DELETE a").execute();
        graph.driver().executableQuery("MATCH ()-[r]->(:Item) WHERE r.kgrecFlagged IS NOT NULL REMOVE r.kgrecFlagged")
                .execute();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_reviewer_pages_through_the_flagged_customers_with_their_evidence() {
        List<Map<String, Object>> flags = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("after", after);
            GraphQlClient.Response r = client(REVIEWER).post(FLAGS, vars);
            assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
            Map<String, Object> page = r.data("flaggedCustomers");
            ((List<Map<String, Object>>) page.get("edges")).forEach(e -> flags.add((Map<String, Object>) e.get("node")));
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            after = (Boolean) info.get("hasNextPage") ? (String) info.get("endCursor") : null;
            pages++;
        } while (after != null);

        assertThat(pages).isGreaterThan(1);
        List<Map<String, Object>> push = flags.stream().filter(f -> f.get("kind").equals("PUSH_GROUP")).toList();
        assertThat(push).extracting(f -> f.get("customerId")).containsExactlyInAnyOrder(
                "attack-0", "attack-1", "attack-2", "attack-3", "attack-4", "attack-5");
        assertThat(push).allSatisfy(f -> {
            assertThat(f).containsEntry("anomaly", "PUSH_GROUP:" + TARGET).containsEntry("scope", "CUSTOMER")
                    .containsEntry("status", "OPEN").containsEntry("members", ATTACKERS);
            assertThat((Map<String, Object>) f.get("targetItem")).containsEntry("id", TARGET);
            assertThat((List<Map<String, Object>>) f.get("evidence")).extracting(e -> e.get("name"))
                    .contains("suspicion", "unpopularItemsZ", "shortHistoryZ", "burstZ", "unlikeOthersZ");
            assertThat((List<Map<String, Object>>) f.get("anomalyEvidence")).extracting(e -> e.get("name"))
                    .contains("members", "audience", "share", "groupWindowHours");
        });
        assertThat(flags).extracting(f -> ((Number) f.get("score")).doubleValue())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void frontends_and_analysts_may_not_see_flags() {
        for (String key : List.of(FRONTEND, FRONTEND_OWN, ANALYST)) {
            GraphQlClient.Response r = client(key).post(FLAGS, Map.of());
            assertThat(r.errorCode()).as(r.text()).isEqualTo("FORBIDDEN");
            assertThat(r.text()).doesNotContain("attack-");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_reviewer_gets_the_audit_as_figures_and_as_a_self_contained_page() {
        GraphQlClient.Response r = client(REVIEWER).post("""
                { audit(input: {sample: 200, itemGroup: "department", customerAttributes: ["income"]}) {
                    heldOut customers itemGroupBy notes html json
                    configurations { label settings
                      popularity { averagePopularity longTailShare catalogueLongTailInteractions gini coverage }
                      itemGroups { group items exposureShare interactionShare exposureRatio }
                      customerGroups { attribute groups { group customers ndcg longTailShare itemsWithPath } }
                      explanation { itemsWithPath kindEntropyBits throughOtherCustomers kindShares { kind share } } } } }
                """, Map.of());

        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        Map<String, Object> audit = r.data("audit");
        assertThat(audit).containsEntry("heldOut", false).containsEntry("customers", 46)
                .containsEntry("itemGroupBy", "property:department");
        List<Map<String, Object>> configs = (List<Map<String, Object>>) audit.get("configurations");
        assertThat(configs).isNotEmpty();
        if (configs.size() == 1) {
            assertThat((List<String>) audit.get("notes")).anyMatch(n -> n.contains("diversity"));
        } else {
            assertThat(configs.get(1)).containsEntry("label", "diversity 0.5")
                    .containsEntry("settings", "{\"diversity\":0.5}");
        }
        Map<String, Object> first = configs.get(0);
        double exposure = ((List<Map<String, Object>>) first.get("itemGroups")).stream()
                .mapToDouble(g -> ((Number) g.get("exposureShare")).doubleValue()).sum();
        assertThat(exposure).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        Map<String, Object> income = ((List<Map<String, Object>>) first.get("customerGroups")).get(0);
        assertThat(income).containsEntry("attribute", "income");
        assertThat((List<Map<String, Object>>) income.get("groups")).allSatisfy(g -> assertThat(g.get("ndcg")).isNull())
                .extracting(g -> g.get("group")).contains("(unknown)");
        String html = (String) audit.get("html");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Exposure by item group", "by income")
                .doesNotContain("<script", "src=", "href=", "attack-");
        assertThat((String) audit.get("json")).contains("\"longTailShare\"");
    }

    @Test
    void the_audit_refuses_what_it_cannot_do() {
        GraphQlClient.Response big = client(ADMIN).post("{ audit(input: {sample: 5000}) { customers } }", Map.of());
        assertThat(big.errorCode()).isEqualTo("BAD_REQUEST");
        GraphQlClient.Response pairs = client(ADMIN).post("{ audit(input: {sample: 150, configurations: [{label: \"a\"}, "
                + "{label: \"b\"}, {label: \"c\"}]}) { customers } }", Map.of());
        assertThat(pairs.errorCode()).as(pairs.text()).isEqualTo("BAD_REQUEST");
        assertThat(pairs.text()).contains("150 × 3").contains("kgrec audit");
        GraphQlClient.Response frontend = client(FRONTEND).post("{ audit { customers } }", Map.of());
        assertThat(frontend.errorCode()).isEqualTo("FORBIDDEN");
    }
}
