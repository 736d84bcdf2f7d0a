package io.kgrec.api.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.api.testing.GraphQlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reviewers' page's audit charts and anomaly table in headless Chromium, checked against the GraphQL answers.
 * The anomaly is a push attack injected into the Complete Journey fixture by customers whose ids are markup, to show
 * the page prints data as text; it is removed afterwards, so the other tests sharing the application see the
 * fixture as it was.
 */
class ReviewPageAuditIT extends ReviewPageTest {
    private static final String ATTACKER = "<b>push</b>-";
    /** Bought by one household of the fixture. */
    private static final String TARGET = "1000050";
    private static final String INJECT = """
            MATCH (i:Item) WHERE i.id <> $target
            WITH i ORDER BY i.id SKIP 300 LIMIT 60
            WITH collect(i) AS fillers
            MATCH (t:Item {id: $target})
            UNWIND range(0, 5) AS a
            CREATE (c:Customer {id: $prefix + a})
            CREATE (c)-[:PURCHASED {raw: 1.0, weight: log(2), count: 1, timestamp: 1514000000 + a * 600}]->(t)
            WITH c, a, fillers
            UNWIND range(0, 9) AS k
            WITH c, a, k, fillers[(a * 7 + k * 13) % size(fillers)] AS f
            CREATE (c)-[:PURCHASED {raw: 1.0, weight: log(2), count: 1, timestamp: 1514000000 + a * 600 + k * 7}]->(f)
            """;
    private static final String FLAGS = """
            { flaggedCustomers(first: 20) { edges { node { customerId kind } } } }
            """;
    private static final String AUDIT = """
            { audit(input: {k: 10, sample: 40, itemGroup: "department", customerAttributes: ["income"]}) {
                configurations { label popularity { longTailShare coverage gini }
                                 itemGroups { group interactionShare exposureShare } } } }
            """;

    @Test
    @SuppressWarnings("unchecked")
    void the_audit_is_drawn_as_svg_bar_charts_of_the_reports_figures() {
        GraphQlClient.Response direct = client(REVIEWER).post(AUDIT, Map.of());
        assertThat(direct.json()).as(direct.text()).doesNotContainKey("errors");
        List<Map<String, Object>> configs = (List<Map<String, Object>>) ((Map<String, Object>) direct.data("audit"))
                .get("configurations");

        page.signIn(REVIEWER);
        page.runAudit(40, "department", "income");

        page.screenshot("audit", "audit-section");
        assertThat(page.chartTitles()).contains("Popularity bias", "Explanation quality", "Reason path kinds",
                "Exposure by item group (property:department)", "Long-tail share of slots by income",
                "Items with a reason path by income");
        // Rows are the figures, bars within a row the configurations, in the report's order.
        List<Double> expected = new ArrayList<>();
        for (String figure : List.of("longTailShare", "coverage", "gini")) {
            configs.forEach(c -> expected.add(((Number) ((Map<String, Object>) c.get("popularity")).get(figure))
                    .doubleValue()));
        }
        List<Double> bars = page.barValues("Popularity bias");
        assertThat(bars).hasSameSizeAs(expected);
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.get(i)).isCloseTo(expected.get(i), within(1e-12));
        }
        List<Map<String, Object>> groups = (List<Map<String, Object>>) configs.get(0).get("itemGroups");
        List<Double> exposure = page.barValues("Exposure by item group (property:department)");
        assertThat(exposure).hasSize(Math.min(15, groups.size()) * (1 + configs.size()));
        assertThat(exposure.get(0)).isCloseTo(((Number) groups.get(0).get("interactionShare")).doubleValue(),
                within(1e-12));
        assertThat(exposure.get(1)).isCloseTo(((Number) groups.get(0).get("exposureShare")).doubleValue(),
                within(1e-12));
        assertThat(page.errorShown()).isFalse();
        assertThat(HeadlessChromium.problems(browser)).isEmpty();
    }

    @Test
    void the_anomaly_table_lists_the_flags_as_text_most_anomalous_first() {
        List<List<String>> before = flagsFromApi();
        page.signIn(REVIEWER);
        page.screenshot("flags-before", "flags-section");
        if (before.isEmpty()) {
            assertThat(page.flagsStatus()).isEqualTo("No open or confirmed anomaly flags.");
            assertThat(page.flagRows()).isEmpty();
        } else {
            // Another test trained a model, which flags what it finds: the table shows those instead.
            assertThat(page.flagsStatus()).contains("shown");
            assertThat(page.flagRows()).extracting(r -> List.of(r.get(0), r.get(1))).isEqualTo(before);
        }

        try {
            graph.driver().executableQuery(INJECT).withParameters(Map.of("target", TARGET, "prefix", ATTACKER))
                    .execute();
            graph.driver().executableQuery("CALL kgrec.anomaly.detect()").execute();
            List<List<String>> flagged = flagsFromApi();
            assertThat(flagged).extracting(f -> f.get(0)).contains(ATTACKER + "0", ATTACKER + "5");

            page.open().signIn(REVIEWER);
            page.flagsStatus();
            page.screenshot("flags", "flags-section");
            List<List<String>> rows = page.flagRows();
            assertThat(rows).extracting(r -> List.of(r.get(0), r.get(1))).isEqualTo(flagged);
            assertThat(rows).filteredOn(r -> r.get(0).startsWith(ATTACKER)).hasSize(6)
                    .allSatisfy(r -> assertThat(r.get(5)).isNotEqualTo("\u2014"));
            // The ids are shown as the text they are, not taken as markup.
            assertThat(page.elementsInside("flags", "b")).isZero();
            assertThat(page.errorShown()).isFalse();
            assertThat(HeadlessChromium.problems(browser)).isEmpty();
        } finally {
            graph.driver().executableQuery("MATCH (c:Customer) WHERE c.id STARTS WITH $prefix DETACH DELETE c")
                    .withParameters(Map.of("prefix", ATTACKER)).execute();
            graph.driver().executableQuery("MATCH (a:Anomaly) DETACH DELETE a").execute();
            graph.driver().executableQuery(
                    "MATCH ()-[r]->(:Item) WHERE r.kgrecFlagged IS NOT NULL REMOVE r.kgrecFlagged").execute();
        }
    }

    /** The first page of flags from the API: customer id and kind. */
    @SuppressWarnings("unchecked")
    private List<List<String>> flagsFromApi() {
        GraphQlClient.Response r = client(REVIEWER).post(FLAGS, Map.of());
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        return ((List<Map<String, Object>>) ((Map<String, Object>) r.data("flaggedCustomers")).get("edges")).stream()
                .map(e -> (Map<String, Object>) e.get("node"))
                .map(n -> List.of((String) n.get("customerId"), (String) n.get("kind"))).toList();
    }
}
