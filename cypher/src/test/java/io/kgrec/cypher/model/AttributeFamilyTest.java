package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fixture: 5 items. Attribute 0 ("genre") is on items 0, 1, 2; attribute 1 ("director") on items 0, 1; attribute 2
 * on items 1 and 4 (item 4 is cold: nobody has it); attribute 3 is a hub on every item.
 */
class AttributeFamilyTest {
    private final ItemAttributes kg = TinyData.attributes(5, new int[] {0, 1, 2}, new int[] {0, 1}, new int[] {1, 4},
            new int[] {0, 1, 2, 3, 4});
    private final int[] counts = {3, 2, 1, 1, 0};

    @Test
    void weight_is_a_two_step_walk_through_the_shared_attributes() {
        // idf exponent 0 and popularity exponent 0: out_ja = 1/|A_j|, in_ai = 1/|N(a)|; the hub (5 items) is
        // skipped by maxFanout 4, so item 0 has two usable attributes.
        AttributePaths paths = AttributeFamily.fit(kg, counts, 0.0, 0.0, 4, 10, 10);

        assertThat(paths.weights().weight(0, 1)).isCloseTo(0.5 / 3 + 0.5 / 2, within(1e-12));
        assertThat(paths.weights().weight(0, 2)).isCloseTo(0.5 / 3, within(1e-12));
        assertThat(paths.weights().weight(0, 3)).as("only the skipped hub links 0 and 3").isZero();
    }

    @Test
    void splits_each_weight_into_attribute_terms_that_add_up() {
        AttributePaths paths = AttributeFamily.fit(kg, counts, 1.0, 0.5, 4, 10, 10).scaled(2.0);

        List<AttributePaths.AttributeTerm> terms = paths.terms(0, 1);

        assertThat(terms).extracting(AttributePaths.AttributeTerm::attribute).containsExactly(0, 1);
        assertThat(terms.stream().mapToDouble(AttributePaths.AttributeTerm::value).sum())
                .isCloseTo(paths.weights().weight(0, 1), within(1e-12));
    }

    @Test
    void rarer_attributes_carry_more_weight_when_idf_is_on() {
        AttributePaths paths = AttributeFamily.fit(kg, counts, 1.0, 0.0, 4, 10, 10);

        List<AttributePaths.AttributeTerm> terms = paths.terms(0, 1);

        double genre = terms.get(0).value() * 3;    // undo in_ai = 1/3
        double director = terms.get(1).value() * 2; // undo in_ai = 1/2
        assertThat(director).isGreaterThan(genre);
        assertThat(genre + director).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void popularity_exponent_sends_the_walk_to_items_customers_buy() {
        AttributePaths flat = AttributeFamily.fit(kg, counts, 0.0, 0.0, 4, 10, 10);
        AttributePaths popular = AttributeFamily.fit(kg, counts, 0.0, 1.0, 4, 10, 10);

        // Within the genre, item 1 (2 customers) and item 2 (1 customer): (1+2)/(1+3+1+2+1+1) vs (1+1)/...
        assertThat(flat.terms(0, 1).get(0).value()).isEqualTo(flat.terms(0, 2).get(0).value());
        assertThat(popular.terms(0, 1).get(0).value()).isGreaterThan(popular.terms(0, 2).get(0).value());
    }

    @Test
    void a_cold_item_keeps_an_incoming_path_even_when_every_source_is_full() {
        // topK 1: item 1's own best target is item 0, yet the cold item 4 must still be reachable from item 1.
        AttributePaths paths = AttributeFamily.fit(kg, counts, 0.0, 0.0, 4, 1, 1);

        assertThat(paths.weights().targetsOf(1)).contains(4);
        assertThat(paths.weights().weight(1, 4)).isGreaterThan(0);
        assertThat(paths.terms(1, 4)).extracting(AttributePaths.AttributeTerm::attribute).containsExactly(2);
    }
}
