package io.kgrec.cypher.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.InProcessNeo4j;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Offers for a customer are their audiences read the other way round (the graph of {@link AudienceStreamProcTest}). */
class OffersStreamProcTest {
    private static final double VIA_A_TO_D = 1 / Math.sqrt(6 * 2);
    private static final double VIA_B_TO_D = 1 / Math.sqrt(5 * 2);
    private static final double VIA_A_TO_C = 1 / Math.sqrt(6 * 1);
    private static final double BRAND_TO_E = 0.02 * Math.log(6.0 / 2) / Math.sqrt(2);

    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start(OffersStreamProc.class, AudienceStreamProc.class);
        neo4j.run(AudienceStreamProcTest.GRAPH);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    private static List<Map<String, Object>> offers(String customer, String kind) {
        return neo4j.rows("CALL kgrec.offers.stream($c, $kind)", Map.of("c", customer, "kind", kind));
    }

    @Test
    void coupons_rank_by_the_sum_of_their_items_scores_for_the_customer() {
        List<Map<String, Object>> rows = offers("c1", "coupon");

        assertThat(rows).extracting(r -> r.get("id")).containsExactly("K1", "K2");
        assertThat((double) rows.get(0).get("score")).isCloseTo(VIA_A_TO_C + VIA_A_TO_D + VIA_B_TO_D, within(1e-12));
        assertThat((double) rows.get(1).get("score")).isCloseTo(BRAND_TO_E, within(1e-12));
        assertThat(rows.get(0)).containsEntry("kind", "coupon").containsEntry("items", 2L)
                .containsEntry("name", "Coupon K1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_offer_scores_as_the_customer_does_in_its_audience_and_its_parts_add_up() {
        for (Map<String, Object> offer : offers("c3", "coupon")) {
            double inAudience = neo4j.rows("CALL kgrec.audience.stream('coupon', $id, {topK: 100}) "
                    + "YIELD customerId, score WHERE customerId = 'c3' RETURN score", Map.of("id", offer.get("id")))
                    .stream().mapToDouble(r -> (double) r.get("score")).findFirst().orElseThrow();
            assertThat((double) offer.get("score")).isEqualTo(inAudience);
            double parts = ((List<Map<String, Object>>) offer.get("reasons")).stream()
                    .mapToDouble(p -> ((Number) p.get("contribution")).doubleValue()).sum()
                    + ((List<Map<String, Object>>) offer.get("terms")).stream()
                            .mapToDouble(t -> ((Number) t.get("value")).doubleValue()).sum();
            assertThat(parts).isCloseTo((double) offer.get("score"), within(1e-12));
        }
    }

    @Test
    void a_campaign_reaches_the_items_of_all_its_coupons() {
        List<Map<String, Object>> rows = offers("c1", "campaign");

        assertThat(rows).extracting(r -> r.get("id")).containsExactly("P1");
        assertThat((double) rows.get(0).get("score"))
                .isCloseTo(VIA_A_TO_C + VIA_A_TO_D + VIA_B_TO_D + BRAND_TO_E, within(1e-12));
        assertThat(rows.get(0)).containsEntry("name", "Campaign P1 (Type A)");
    }

    @Test
    void opted_out_and_flagged_customers_get_no_personalised_offers() {
        assertThat(offers("c5", "coupon")).isEmpty();
        assertThat(offers("c6", "coupon")).isEmpty();
        assertThat(offers("c7", "coupon")).isNotEmpty();
    }

    @Test
    void unknown_customers_and_item_offers_are_errors_that_say_why() {
        assertThatThrownBy(() -> offers("nobody", "coupon")).hasMessageContaining("customer 'nobody' does not exist");
        assertThatThrownBy(() -> offers("c1", "item")).hasMessageContaining("kind must be coupon or campaign");
    }
}
