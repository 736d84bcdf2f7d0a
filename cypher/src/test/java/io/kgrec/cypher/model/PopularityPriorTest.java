package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixture: 4 customers; item 0 is had by 3 of them, item 1 by customer 0 only, item 2 by customer 3 only. */
class PopularityPriorTest {
    private final InteractionMatrix x = TinyData.interactions(3, new int[] {0, 1}, new int[] {0}, new int[] {0},
            new int[] {2});

    private static History historyOfSize(int n) {
        return new History(java.util.stream.IntStream.range(100, 100 + n).toArray(), new double[n]);
    }

    @Test
    void is_the_share_of_customers_who_have_the_item() {
        PopularityPrior prior = PopularityPrior.of(x, 2.0, 0.0);

        assertThat(prior.value(historyOfSize(10), 0)).isCloseTo(2.0 * 3 / 4, within(1e-15));
        assertThat(prior.value(historyOfSize(10), 1)).isCloseTo(2.0 * 1 / 4, within(1e-15));
    }

    @Test
    void fades_with_history_size_when_it_decays() {
        PopularityPrior prior = PopularityPrior.of(x, 1.0, 0.5);

        assertThat(prior.value(historyOfSize(4), 0)).isCloseTo(0.75 / 2, within(1e-15));
        assertThat(prior.value(historyOfSize(0), 0)).as("an empty history counts as one item")
                .isCloseTo(0.75, within(1e-15));
    }

    @Test
    void unit_scale_divides_by_the_largest_share_and_undoes_the_typical_decay() {
        // Largest share 3/4, mean history 5/4 customers → weight 1 / (3/4) · (5/4)^1.
        BlendWeights scaled = HybridTrainer.priorOnUnitScale(x, new BlendWeights(1, 0, 0, 0, 1.0, 1.0));

        assertThat(scaled.prior()).isCloseTo(4.0 / 3 * 5.0 / 4, within(1e-12));
    }

    @Test
    void segment_popularity_is_shrunk_towards_the_global_share_and_named_apart() {
        // Customers 0 and 3 are "young", 1 is "old", 2 unknown. Young: item 0 had by 1 of 2, item 2 by 1 of 2.
        CustomerAttributes age = CustomerAttributes.builder(4)
                .column("age", new String[] {"young", "old", null, "young"}).build();
        TrainingData data = new TrainingData(x, ItemAttributes.none(3), List.of("a", "b", "c", "d"),
                List.of("i0", "i1", "i2"), List.of(), age);
        PopularityPrior prior = PopularityPrior.of(x, 1.0, 0.0).withSegments(SegmentShares.of(data, 0, 2.0));
        History young = data.history(0, InteractionTransform.BINARY);

        // α = 2 / (2 + 2) = 1/2: share = 1/2 · 3/4 + 1/2 · 1/2 for item 0.
        assertThat(prior.value(young, 0)).isCloseTo(0.5 * 0.75 + 0.5 * 0.5, within(1e-15));
        assertThat(prior.terms(young, 2)).extracting(PriorContribution::name)
                .containsExactly(PopularityPrior.NAME, "segment:age=young");
        assertThat(prior.value(data.history(2, InteractionTransform.BINARY), 0)).as("unknown segment: global")
                .isCloseTo(0.75, within(1e-15));
    }
}
