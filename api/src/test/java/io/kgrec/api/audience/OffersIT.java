package io.kgrec.api.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Coupons for a customer over HTTP: each offer's reasons and terms add up to its score, which is the customer's score
 * in that coupon's audience. The fixture has no marketing files, so two coupons are created on bought items.
 */
class OffersIT extends LoadedApplication {
    private static final String COUPONS = """
            MATCH (:Customer {id: $customer})-[:PURCHASED]->(:Item)<-[:PURCHASED]-(:Customer)-[:PURCHASED]->(i:Item)
            WITH i, count(*) AS paths ORDER BY paths DESC, i.id LIMIT 4
            WITH collect(i) AS items
            MERGE (a:Coupon {upc: 'IT-OFFER-A'}) MERGE (b:Coupon {upc: 'IT-OFFER-B'})
            FOREACH (i IN items[0..2] | MERGE (a)-[:APPLIES_TO]->(i))
            FOREACH (i IN items[2..4] | MERGE (b)-[:APPLIES_TO]->(i))
            """;
    private static final String OFFERS = """
            query ($c: ID!) { offers(customerId: $c, kind: COUPON, first: 50) {
              rank kind id name items score modelVersion
              reasons { contribution sentence nodes { kind id } } scoreTerms { name value } } }
            """;
    private static final String AUDIENCE = """
            query ($k: ID) { audience(couponId: $k, first: 100) { edges { node { customerId score } } } }
            """;

    @Test
    @SuppressWarnings("unchecked")
    void a_customer_is_offered_coupons_with_paths_that_add_up_to_their_score_in_each_audience() {
        graph.driver().executableQuery(COUPONS).withParameters(Map.of("customer", OWN_CUSTOMER)).execute();

        GraphQlClient.Response r = client(FRONTEND_OWN).post(OFFERS, Map.of("c", OWN_CUSTOMER));

        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        List<Map<String, Object>> offers = r.data("offers");
        assertThat(offers).extracting(o -> o.get("id")).contains("IT-OFFER-A", "IT-OFFER-B");
        for (Map<String, Object> offer : offers) {
            double score = ((Number) offer.get("score")).doubleValue();
            double parts = ((List<Map<String, Object>>) offer.get("reasons")).stream()
                    .mapToDouble(p -> ((Number) p.get("contribution")).doubleValue()).sum()
                    + ((List<Map<String, Object>>) offer.get("scoreTerms")).stream()
                            .mapToDouble(t -> ((Number) t.get("value")).doubleValue()).sum();
            assertThat(parts).as("parts of %s", offer.get("id")).isCloseTo(score, within(1e-9));
            List<Map<String, Object>> audience = ((List<Map<String, Object>>) client(ANALYST)
                    .post(AUDIENCE, Map.of("k", offer.get("id"))).data("audience", "edges")).stream()
                    .map(e -> (Map<String, Object>) e.get("node")).toList();
            assertThat(audience).filteredOn(m -> OWN_CUSTOMER.equals(m.get("customerId")))
                    .singleElement().satisfies(m -> assertThat(((Number) m.get("score")).doubleValue())
                            .isCloseTo(score, within(1e-9)));
        }
        Map<String, Object> best = offers.get(0);
        assertThat((List<?>) best.get("reasons")).isNotEmpty();
        assertThat(best.get("kind")).isEqualTo("COUPON");
    }

    @Test
    void a_scoped_frontend_sees_only_its_own_customers_offers() {
        assertThat(client(FRONTEND_OWN).post(OFFERS, Map.of("c", OTHER_CUSTOMER)).errorCode()).isEqualTo("FORBIDDEN");
    }
}
