package io.kgrec.model.reason;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AudienceSentencesTest {
    @Test
    void a_sentence_to_the_customer_is_retold_about_them() {
        String told = ReasonSentences.collaborative("PURCHASED", "Bread", "PURCHASED", 3, "PURCHASED", "Dates");

        assertThat(ReasonSentences.aboutCustomer(told, "1453"))
                .isEqualTo("Customer 1453 bought Bread, and 3 customers who bought it also bought Dates.");
        assertThat(ReasonSentences.aboutCustomer("Popular.", "1453")).isEqualTo("Popular.");
    }

    @Test
    void the_offer_hop_names_the_coupon_and_its_campaign() {
        assertThat(ReasonSentences.offeredBy(ReasonSentences.repeat("7", "PURCHASED", "Dates"), "Dates", "K1",
                "campaign 8")).isEqualTo("Customer 7 already bought Dates. Coupon K1 of campaign 8 applies to Dates.");
        assertThat(ReasonSentences.offeredBy("Customer 7 bought X.", "Dates", "K1", null))
                .isEqualTo("Customer 7 bought X. Coupon K1 applies to Dates.");
    }

    @Test
    void coupon_and_campaign_nodes_are_named_for_people() {
        assertThat(PathNode.coupon("51380041013").name()).isEqualTo("coupon 51380041013");
        assertThat(PathNode.campaign("8", "Type A").name()).isEqualTo("campaign 8 (Type A)");
        assertThat(PathNode.campaign("8", null)).satisfies(n -> {
            assertThat(n.name()).isEqualTo("campaign 8");
            assertThat(n.kind()).isEqualTo(NodeKind.CAMPAIGN);
            assertThat(n.labels()).containsExactly("Campaign");
        });
    }
}
