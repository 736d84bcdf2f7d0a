package io.kgrec.api.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/** The GraphQL documents the load benchmark sends, one request body per customer, prepared before the clock starts. */
final class Workloads {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a frontend's recommendation page asks for: ten items with their full reasons. */
    static final String RECOMMENDATIONS = """
            query Recommendations($c: ID!) {
              recommendations(customerId: $c, first: 10) {
                listId
                edges { node {
                  recommendationId rank score item { id name }
                  reasons { kind contribution sentence nodes { kind id name size } relationships { type direction } }
                  scoreTerms { name value }
                } }
              }
            }""";

    /** The naive pure-Cypher baseline through the same service. */
    static final String BASELINE = """
            query Baseline($c: ID!) {
              baselineRecommendations(customerId: $c, first: 10) { rank coCustomers item { id name } }
            }""";

    /** The top items only, for the interaction-to-visibility probe. */
    static final String TOP_ITEMS = """
            query Top($c: ID!) {
              recommendations(customerId: $c, first: 10) { edges { node { recommendationId modelVersion item { id } } } }
            }""";

    static final String PURCHASE = """
            mutation Bought($c: ID!, $i: ID!, $r: ID, $e: ID) {
              recordInteraction(customerId: $c, itemId: $i, type: PURCHASED, recommendationId: $r, eventId: $e) { count }
            }""";

    private static final int EVENTS = 150_000;

    private Workloads() {
    }

    static List<byte[]> bodies(String document, List<String> customers) {
        return customers.stream().map(c -> body(document, Map.of("c", c))).toList();
    }

    /**
     * One purchase per customer, of an item drawn (fixed seed) from a list that holds each item as often as it was
     * bought, so concurrent buyers meet on the best sellers as they do in a shop.
     */
    static List<byte[]> purchases(List<String> customers, List<String> items, boolean eventIds) {
        Random random = new Random(11);
        // With event ids, enough bodies that no event comes round again within two rounds at 1,000+ purchases/s: a
        // body sent again would be an event sent again, which adds nothing and would flatter the figures.
        int count = eventIds ? Math.max(customers.size(), EVENTS) : customers.size();
        return java.util.stream.IntStream.range(0, count).mapToObj(k -> {
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("c", customers.get(k % customers.size()),
                    "i", items.get(random.nextInt(items.size()))));
            if (eventIds) {
                variables.put("e", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
            }
            return body(PURCHASE, variables);
        }).toList();
    }

    static byte[] body(String document, Map<String, Object> variables) {
        return JSON.writeValueAsBytes(Map.of("query", document, "variables", variables));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String body) {
        return JSON.readValue(body, Map.class);
    }

    /** A 200 answer is good only without GraphQL errors and with the field asked for. */
    static boolean answered(String body, String field) {
        return !body.contains("\"errors\"") && body.contains("\"" + field + "\"");
    }
}
