package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation with every kind of credential. The expected column is the access policy written out by hand: it
 * must be changed on purpose whenever the policy changes.
 */
class RoleMatrixIT extends LoadedApplication {
    private static final String OK = "OK";
    /** An item of the fixture that the mutations in the matrix record views of. */
    private static final String MUTATED_ITEM = "1029743";

    /** Operations, each on the customer its name says. */
    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("recommendations own", "{ recommendations(customerId: \"" + OWN_CUSTOMER + "\", first: 2) { edges { cursor } } }"),
            Map.entry("recommendations other", "{ recommendations(customerId: \"" + OTHER_CUSTOMER + "\", first: 2) { edges { cursor } } }"),
            Map.entry("baselineRecommendations own", "{ baselineRecommendations(customerId: \"" + OWN_CUSTOMER + "\", first: 2) { rank } }"),
            Map.entry("baselineRecommendations other", "{ baselineRecommendations(customerId: \"" + OTHER_CUSTOMER + "\", first: 2) { rank } }"),
            Map.entry("explain own", "{ explain(customerId: \"" + OWN_CUSTOMER + "\", itemId: \"1029743\") { score } }"),
            Map.entry("explain other", "{ explain(customerId: \"" + OTHER_CUSTOMER + "\", itemId: \"1029743\") { score } }"),
            Map.entry("customer own", "{ customer(id: \"" + OWN_CUSTOMER + "\") { id } }"),
            Map.entry("customer other", "{ customer(id: \"" + OTHER_CUSTOMER + "\") { id } }"),
            Map.entry("item", "{ item(id: \"1029743\") { id } }"),
            Map.entry("customers", "{ customers(first: 2) { edges { cursor } } }"),
            Map.entry("similarItems", "{ similarItems(itemId: \"1029743\", first: 2) { rank } }"),
            Map.entry("model", "{ model { state servingVersion phase progress estimatedSecondsLeft } }"),
            Map.entry("sessionRecommendations", "{ sessionRecommendations(itemIds: [\"1029743\"], first: 2) { rank } }"),
            // a customer the graph has not seen gets the cold-start list, but a scoped key still only its own
            Map.entry("recommendations unknown", "{ recommendations(customerId: \"no-such-customer\", first: 2) { coldStart } }"),
            Map.entry("flaggedCustomers", "{ flaggedCustomers(first: 2) { edges { cursor } } }"),
            Map.entry("servedRecommendations", "{ servedRecommendations(first: 2) { edges { cursor } } }"),
            Map.entry("setProfilingConsent own", "mutation { setProfilingConsent(customerId: \"" + OWN_CUSTOMER
                    + "\", optOut: false) { profilingOptOut } }"),
            Map.entry("setProfilingConsent other", "mutation { setProfilingConsent(customerId: \"" + OTHER_CUSTOMER
                    + "\", optOut: false) { profilingOptOut } }"),
            // Erasure is irreversible: the matrix erases nobody, so an administrator gets past access to NOT_FOUND.
            Map.entry("eraseCustomer", "mutation { eraseCustomer(customerId: \"no-such-customer\") { interactions } }"),
            Map.entry("offers own", "{ offers(customerId: \"" + OWN_CUSTOMER + "\", first: 2) { id } }"),
            Map.entry("offers other", "{ offers(customerId: \"" + OTHER_CUSTOMER + "\", first: 2) { id } }"),
            Map.entry("audience", "{ audience(itemId: \"1029743\", first: 2) { edges { cursor } } }"),
            Map.entry("audit", "{ audit(input: {sample: 3, configurations: [{label: \"default\"}]}) { customers } }"),
            Map.entry("recordInteraction own", "mutation { recordInteraction(customerId: \"" + OWN_CUSTOMER
                    + "\", itemId: \"" + MUTATED_ITEM + "\", type: VIEWED) { count } }"),
            Map.entry("recordInteraction other", "mutation { recordInteraction(customerId: \"" + OTHER_CUSTOMER
                    + "\", itemId: \"" + MUTATED_ITEM + "\", type: VIEWED) { count } }"),
            Map.entry("recordImpression own", "mutation { recordImpression(customerId: \"" + OWN_CUSTOMER
                    + "\", itemIds: [\"" + MUTATED_ITEM + "\"]) { shown } }"),
            Map.entry("recordImpression other", "mutation { recordImpression(customerId: \"" + OTHER_CUSTOMER
                    + "\", itemIds: [\"" + MUTATED_ITEM + "\"]) { shown } }"));

    static Stream<Arguments> matrix() {
        // operation, credential, expected (OK or an error code)
        String[][] rows = {
                {"recommendations own", ADMIN, OK}, {"recommendations own", ANALYST, OK},
                {"recommendations own", REVIEWER, OK}, {"recommendations own", FRONTEND, OK},
                {"recommendations own", FRONTEND_OWN, OK},
                {"offers own", ADMIN, OK}, {"offers own", ANALYST, OK}, {"offers own", REVIEWER, OK},
                {"offers own", FRONTEND, OK}, {"offers own", FRONTEND_OWN, OK},
                {"offers other", FRONTEND, OK}, {"offers other", FRONTEND_OWN, "FORBIDDEN"},
                {"recommendations other", FRONTEND, OK}, {"recommendations other", FRONTEND_OWN, "FORBIDDEN"},
                {"baselineRecommendations own", ADMIN, OK}, {"baselineRecommendations own", ANALYST, OK},
                {"baselineRecommendations own", REVIEWER, OK}, {"baselineRecommendations own", FRONTEND, OK},
                {"baselineRecommendations own", FRONTEND_OWN, OK}, {"baselineRecommendations other", FRONTEND, OK},
                {"baselineRecommendations other", FRONTEND_OWN, "FORBIDDEN"},
                {"explain own", ADMIN, OK}, {"explain own", ANALYST, OK}, {"explain own", REVIEWER, OK},
                {"explain own", FRONTEND, OK}, {"explain own", FRONTEND_OWN, OK},
                {"explain other", FRONTEND_OWN, "FORBIDDEN"}, {"explain other", REVIEWER, OK},
                {"customer own", ADMIN, OK}, {"customer own", ANALYST, OK}, {"customer own", REVIEWER, OK},
                {"customer own", FRONTEND, OK}, {"customer own", FRONTEND_OWN, OK},
                {"customer other", FRONTEND_OWN, "FORBIDDEN"}, {"customer other", ANALYST, OK},
                {"item", ADMIN, OK}, {"item", ANALYST, OK}, {"item", REVIEWER, OK}, {"item", FRONTEND, OK},
                {"item", FRONTEND_OWN, OK},
                {"customers", ADMIN, OK}, {"customers", ANALYST, OK}, {"customers", REVIEWER, OK},
                {"customers", FRONTEND, "FORBIDDEN"}, {"customers", FRONTEND_OWN, "FORBIDDEN"},
                {"similarItems", ADMIN, OK}, {"similarItems", ANALYST, OK}, {"similarItems", REVIEWER, OK},
                {"similarItems", FRONTEND, OK}, {"similarItems", FRONTEND_OWN, OK},
                {"model", ADMIN, OK}, {"model", ANALYST, OK}, {"model", REVIEWER, OK}, {"model", FRONTEND, OK},
                {"model", FRONTEND_OWN, OK},
                {"sessionRecommendations", ADMIN, OK}, {"sessionRecommendations", ANALYST, OK},
                {"sessionRecommendations", REVIEWER, OK}, {"sessionRecommendations", FRONTEND, OK},
                {"sessionRecommendations", FRONTEND_OWN, OK},
                {"recommendations unknown", FRONTEND, OK}, {"recommendations unknown", ANALYST, OK},
                {"recommendations unknown", FRONTEND_OWN, "FORBIDDEN"},
                {"flaggedCustomers", ADMIN, OK}, {"flaggedCustomers", REVIEWER, OK},
                {"flaggedCustomers", ANALYST, "FORBIDDEN"}, {"flaggedCustomers", FRONTEND, "FORBIDDEN"},
                {"flaggedCustomers", FRONTEND_OWN, "FORBIDDEN"},
                {"audience", ADMIN, OK}, {"audience", ANALYST, OK}, {"audience", REVIEWER, "FORBIDDEN"},
                {"audience", FRONTEND, "FORBIDDEN"}, {"audience", FRONTEND_OWN, "FORBIDDEN"},
                {"audit", ADMIN, OK}, {"audit", REVIEWER, OK}, {"audit", ANALYST, OK}, {"audit", FRONTEND, "FORBIDDEN"},
                {"audit", FRONTEND_OWN, "FORBIDDEN"},
                {"recordInteraction own", FRONTEND_OWN, OK}, {"recordInteraction own", FRONTEND, OK},
                {"recordInteraction own", ADMIN, OK}, {"recordInteraction own", ANALYST, "FORBIDDEN"},
                {"recordInteraction own", REVIEWER, "FORBIDDEN"}, {"recordInteraction other", FRONTEND_OWN, "FORBIDDEN"},
                {"recordImpression own", FRONTEND_OWN, OK}, {"recordImpression own", ADMIN, OK},
                {"recordImpression own", ANALYST, "FORBIDDEN"}, {"recordImpression own", REVIEWER, "FORBIDDEN"},
                {"recordImpression other", FRONTEND_OWN, "FORBIDDEN"}, {"recordImpression other", FRONTEND, OK},
                {"servedRecommendations", ADMIN, OK}, {"servedRecommendations", REVIEWER, OK},
                {"servedRecommendations", ANALYST, "FORBIDDEN"}, {"servedRecommendations", FRONTEND, "FORBIDDEN"},
                {"servedRecommendations", FRONTEND_OWN, "FORBIDDEN"},
                {"setProfilingConsent own", FRONTEND_OWN, OK}, {"setProfilingConsent own", FRONTEND, OK},
                {"setProfilingConsent own", ADMIN, OK}, {"setProfilingConsent own", ANALYST, "FORBIDDEN"},
                {"setProfilingConsent own", REVIEWER, "FORBIDDEN"},
                {"setProfilingConsent other", FRONTEND_OWN, "FORBIDDEN"},
                {"eraseCustomer", ADMIN, "NOT_FOUND"}, {"eraseCustomer", REVIEWER, "FORBIDDEN"},
                {"eraseCustomer", ANALYST, "FORBIDDEN"}, {"eraseCustomer", FRONTEND, "FORBIDDEN"},
                {"eraseCustomer", FRONTEND_OWN, "FORBIDDEN"},
        };
        Stream<Arguments> listed = Stream.of(rows).map(r -> Arguments.of(r[0], r[1], r[2]));
        // No credential and a wrong credential are refused for every operation, before GraphQL runs.
        Stream<Arguments> unauthenticated = OPERATIONS.keySet().stream().sorted().flatMap(op -> Stream.of(
                Arguments.of(op, null, "UNAUTHENTICATED"), Arguments.of(op, "not-a-real-key-at-all", "UNAUTHENTICATED")));
        return Stream.concat(listed, unauthenticated);
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void each_role_may_do_exactly_what_the_policy_says(String operation, String credential, String expected) {
        GraphQlClient.Response r = client(credential).post(OPERATIONS.get(operation), Map.of());

        if (expected.equals(OK)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        } else {
            assertThat(r.errorCode()).as(r.text()).isEqualTo(expected);
            if (expected.equals("UNAUTHENTICATED")) {
                assertThat(r.status()).isEqualTo(401);
            }
        }
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void every_operation_the_server_offers_is_in_the_matrix() {
        // Read from the running server, so adding an operation without deciding who may call it fails here.
        List<String> offered = new java.util.ArrayList<>();
        // One root type per request: graphql-java refuses introspection that lists fields twice as not in good faith.
        for (String root : List.of("queryType", "mutationType")) {
            GraphQlClient.Response schema = client(ADMIN).post(
                    "{ __schema { " + root + " { fields { name } } } }", Map.of());
            assertThat(schema.json()).as(schema.text()).doesNotContainKey("errors");
            Map<String, Object> type = (Map<String, Object>) ((Map<String, Object>) schema.data("__schema")).get(root);
            if (type != null) {
                ((List<Map<String, Object>>) type.get("fields")).forEach(f -> offered.add((String) f.get("name")));
            }
        }
        List<String> inMatrix = matrix().map(a -> ((String) a.get()[0]).split(" ")[0]).distinct().sorted().toList();
        // Every operation in the matrix also runs in it: an entry without a row proves nothing.
        assertThat(inMatrix).containsAll(OPERATIONS.keySet().stream().map(k -> k.split(" ")[0]).distinct().toList());
        assertThat(inMatrix).containsExactlyInAnyOrderElementsOf(offered);
    }
}
