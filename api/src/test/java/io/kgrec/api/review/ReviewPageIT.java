package io.kgrec.api.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.api.testing.GraphQlClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reviewers' page end to end in headless Chromium, against the real application and the Complete Journey
 * fixture: what the page shows is checked against what the GraphQL API returns for the same question.
 */
class ReviewPageIT extends ReviewPageTest {
    private static final String CUSTOMER = "19";
    private static final String RECOMMENDATIONS = """
            query($id: ID!) { recommendations(customerId: $id, first: 10) { edges { node { score item { id name }
                reasons { contribution sentence nodes { kind id name size } relationships { type direction } }
                scoreTerms { value } } } } }
            """;

    @Test
    void the_page_needs_no_key_loads_only_same_origin_scripts_and_reports_no_script_errors() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(page.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("reviewers' page");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'", "connect-src 'self'"));
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create(page.url().replaceAll("/$", "")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/review/"));
        // The page is open; the data behind it is not.
        assertThat(client(null).post("{ customers(first: 1) { edges { cursor } } }", Map.of()).status())
                .isEqualTo(401);

        String origin = "http://127.0.0.1:" + port + "/";
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) page.js("return [...document.scripts].map(s => s.src)"
                + ".concat(performance.getEntriesByType('resource').map(r => r.name))"
                + ".concat([...document.querySelectorAll('link[href]')].map(l => l.href))");
        assertThat(resources).isNotEmpty().allSatisfy(src -> assertThat(src).satisfiesAnyOf(
                s -> assertThat(s).startsWith(origin), s -> assertThat(s).startsWith("data:")));
        assertThat(resources).anyMatch(s -> s.startsWith(origin + "webjars/cytoscape/"));
        assertThat(page.js("return typeof cytoscape")).isEqualTo("function");

        page.signIn(REVIEWER);
        assertThat(page.workspaceShown()).isTrue();
        assertThat(page.js("return sessionStorage.getItem('kgrec.review.apiKey')")).isEqualTo(REVIEWER);
        assertThat(HeadlessChromium.problems(browser)).isEmpty();

        page.signOut();
        assertThat(page.js("return sessionStorage.getItem('kgrec.review.apiKey')")).isNull();
        assertThat(page.flagRows()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_reviewer_chooses_a_customer_and_sees_the_api_ranking_with_each_items_reason_paths_drawn() {
        List<Map<String, Object>> expected = new ArrayList<>();
        GraphQlClient.Response direct = client(REVIEWER).post(RECOMMENDATIONS, Map.of("id", CUSTOMER));
        assertThat(direct.json()).as(direct.text()).doesNotContainKey("errors");
        ((List<Map<String, Object>>) ((Map<String, Object>) direct.data("recommendations")).get("edges"))
                .forEach(e -> expected.add((Map<String, Object>) e.get("node")));
        assertThat(expected).as("customer 19 has recommendations in the fixture").hasSizeGreaterThan(2);

        page.signIn(REVIEWER);
        assertThat(page.suggestionsFor(CUSTOMER)).contains(CUSTOMER).allMatch(id -> id.startsWith(CUSTOMER));
        List<String> listed = page.showRecommendations(CUSTOMER);

        assertThat(listed).containsExactlyElementsOf(
                expected.stream().map(r -> (String) ((Map<String, Object>) r.get("item")).get("id")).toList());
        for (Map<String, Object> rec : expected.subList(0, 3)) {
            Map<String, Object> item = (Map<String, Object>) rec.get("item");
            List<Map<String, Object>> reasons = (List<Map<String, Object>>) rec.get("reasons");
            assertThat(reasons).as("item %s has reason paths", item.get("id")).isNotEmpty();
            page.selectItem((String) item.get("id"));

            PathUnion union = PathUnion.of(reasons);
            List<Map<String, Object>> nodes = page.graphNodes();
            List<Map<String, Object>> edges = page.graphEdges();
            assertThat(nodes).hasSize(union.nodeCount());
            assertThat(edges).hasSize(union.edgeCount());
            assertThat(nodes).extracting(n -> n.get("label")).containsExactlyInAnyOrderElementsOf(union.nodeLabels());
            assertThat(new HashSet<>(edges.stream().map(e -> e.get("source") + " -" + e.get("type") + "-> "
                    + e.get("target")).toList())).isEqualTo(union.edgesByLabel());
            assertThat(edges).allSatisfy(e -> assertThat(e.get("label")).isEqualTo(e.get("type")));
            assertThat(nodes).filteredOn(n -> Boolean.TRUE.equals(n.get("recommended"))).singleElement()
                    .satisfies(n -> assertThat(n.get("label")).isEqualTo(item.get("name")));
            assertThat(nodes).filteredOn(n -> "CUSTOMER".equals(n.get("kind"))).singleElement();

            // The listed contributions are the reasons' and the score terms', and they add up to the score.
            double score = ((Number) rec.get("score")).doubleValue();
            assertThat(page.listedReasonSentences())
                    .containsExactlyElementsOf(reasons.stream().map(r -> (String) r.get("sentence")).toList());
            assertThat(page.listedContributions().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(score, within(1e-9));
            assertThat(page.contributionTotal()).isEqualTo(String.format(java.util.Locale.ROOT, "%.4f", score));
        }
        page.screenshot("recommendations", "customer-section");
        assertThat(page.errorShown()).isFalse();
        assertThat(HeadlessChromium.problems(browser)).isEmpty();
    }

    @Test
    void a_wrong_key_shows_an_error_and_no_data() {
        page.signIn("not-a-real-key-at-all");

        assertThat(page.error()).contains("refused", "not valid");
        assertThat(page.workspaceShown()).isFalse();
        assertThat(page.listedItemIds()).isEmpty();
        assertThat(page.flagRows()).isEmpty();
        page.screenshot("wrong-key", "error");
        assertThat(page.js("return sessionStorage.getItem('kgrec.review.apiKey')")).isNull();
        // The console saw the refusal: proof that the other tests' empty consoles are read, not assumed.
        assertThat(HeadlessChromium.problems(browser)).anyMatch(p -> p.contains("401"));
    }

    @Test
    void an_analyst_key_works_but_the_anomaly_flags_say_they_are_for_reviewers() {
        page.signIn(ANALYST);

        assertThat(page.workspaceShown()).isTrue();
        assertThat(page.flagsStatus()).contains("reviewers and administrators");
        assertThat(page.flagRows()).isEmpty();
        assertThat(page.showRecommendations(CUSTOMER)).isNotEmpty();
        assertThat(page.errorShown()).isFalse();
    }

    @Test
    void an_unknown_customer_is_reported_not_drawn() {
        page.signIn(REVIEWER);
        assertThat(page.showRecommendations("no-such-customer")).isEmpty();
        assertThat(page.error()).contains("customer 'no-such-customer' does not exist");
        assertThat(page.workspaceShown()).isTrue();
    }

    /**
     * The union of one item's reason paths, computed here from the GraphQL answer. A group of other customers is
     * identified by the two nodes it joins and its size, as the page does; everything else by kind and id.
     */
    record PathUnion(Set<String> nodeKeys, Set<String> edgeKeys, List<String> nodeLabels, Set<String> edgesByLabel) {
        @SuppressWarnings("unchecked")
        static PathUnion of(List<Map<String, Object>> reasons) {
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            Set<String> edges = new LinkedHashSet<>();
            Set<String> byLabel = new HashSet<>();
            for (Map<String, Object> reason : reasons) {
                List<Map<String, Object>> nodes = (List<Map<String, Object>>) reason.get("nodes");
                List<Map<String, Object>> rels = (List<Map<String, Object>>) reason.get("relationships");
                assertThat(rels).hasSize(nodes.size() - 1);
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < nodes.size(); i++) {
                    keys.add(key(nodes, i));
                    labels.put(keys.get(i), (String) nodes.get(i).get("name"));
                }
                for (int i = 0; i < rels.size(); i++) {
                    boolean out = "OUT".equals(rels.get(i).get("direction"));
                    int from = out ? i : i + 1;
                    int to = out ? i + 1 : i;
                    String type = (String) rels.get(i).get("type");
                    edges.add(keys.get(from) + " -" + type + "-> " + keys.get(to));
                    byLabel.add(nodes.get(from).get("name") + " -" + type + "-> " + nodes.get(to).get("name"));
                }
            }
            return new PathUnion(labels.keySet(), edges, List.copyOf(labels.values()), byLabel);
        }

        private static String key(List<Map<String, Object>> nodes, int i) {
            Map<String, Object> node = nodes.get(i);
            if (!"CUSTOMER_GROUP".equals(node.get("kind"))) {
                return node.get("kind") + ":" + node.get("id");
            }
            return "group:" + neighbour(nodes, i - 1) + "|" + neighbour(nodes, i + 1) + "|" + node.get("size");
        }

        private static String neighbour(List<Map<String, Object>> nodes, int j) {
            if (j < 0 || j >= nodes.size()) {
                return "-";
            }
            Map<String, Object> node = nodes.get(j);
            return "CUSTOMER_GROUP".equals(node.get("kind")) ? "group" : node.get("kind") + ":" + node.get("id");
        }

        int nodeCount() {
            return nodeKeys.size();
        }

        int edgeCount() {
            return edgeKeys.size();
        }
    }
}
