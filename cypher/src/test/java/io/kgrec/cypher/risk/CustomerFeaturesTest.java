package io.kgrec.cypher.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CustomerFeaturesTest {
    /**
     * a rates X 5 (t=0), Y 3 (t=100); b rates X 1 (t=0), Z 4 (t=7200); c rates X 3 (t=50).
     * X: 3 ratings, mean 3; Y: 1 rating, mean 3; Z: 1 rating, mean 4.
     */
    private static InteractionLog log() {
        return new InteractionLogBuilder()
                .rate("a", "X", 5, 0).rate("a", "Y", 3, 100)
                .rate("b", "X", 1, 0).rate("b", "Z", 4, 7200)
                .rate("c", "X", 3, 50)
                .build();
    }

    private static final CustomerFeatures F = CustomerFeatures.of(log(), AnomalyConfig.DEFAULTS);

    @Test
    void mean_log_popularity_averages_the_log_of_each_items_customers() {
        assertThat(F.meanLogPopularity()[0]).isCloseTo((Math.log(3) + Math.log(1)) / 2, within(1e-12));
        assertThat(F.meanLogPopularity()[2]).isCloseTo(Math.log(3), within(1e-12));
    }

    @Test
    void rdma_weighs_each_deviation_from_the_item_mean_by_the_items_ratings() {
        // a: (|5-3|/3 + |3-3|/1) / 2 = 1/3; b: (|1-3|/3 + |4-4|/1) / 2 = 1/3; c: |3-3|/3 = 0
        assertThat(F.ratingDeviation()[0]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(F.ratingDeviation()[1]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(F.ratingDeviation()[2]).isZero();
    }

    @Test
    void span_and_burst_come_from_the_known_times() {
        assertThat(F.logSpan()[0]).isCloseTo(Math.log1p(100), within(1e-12));
        assertThat(F.logSpan()[2]).isNaN();
        // b's two ratings are 7200 s apart, more than the one-hour window
        assertThat(F.burst()[0]).isEqualTo(2.0);
        assertThat(F.burst()[1]).isEqualTo(1.0);
    }

    @Test
    void the_densest_window_counts_times_less_than_its_width_apart() {
        long[] window = CustomerFeatures.densestWindow(new long[] {0, 10, 3599, 3600, 3601, 3700}, 3600);

        // [10, 3610) holds 10, 3599, 3600, 3601 — four; [0, 3600) holds three
        assertThat(window).containsExactly(4, 10);
    }

    @Test
    void neighbour_similarity_is_the_mean_jaccard_of_the_k_most_similar_customers() {
        // a {X,Y} with b {X,Z}: 1/3, with c {X}: 1/2; k = 2 → (1/2 + 1/3) / 2
        double[] sim = NeighbourSimilarity.of(log(), 2, 1000);

        assertThat(sim[0]).isCloseTo((0.5 + 1.0 / 3) / 2, within(1e-12));
        // k = 1 keeps the best only: c's best neighbour is a or b, both 1/2
        assertThat(NeighbourSimilarity.of(log(), 1, 1000)[2]).isCloseTo(0.5, within(1e-12));
        // with X left out of overlaps (3 customers > 2), nobody overlaps
        assertThat(NeighbourSimilarity.of(log(), 2, 2)).containsOnly(0.0);
    }

    @Test
    void suspicion_sums_the_capped_one_sided_z_scores() {
        Suspicion s = Suspicion.of(F);

        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (Signal signal : Signal.values()) {
                assertThat(s.z(c, signal)).isBetween(0.0, Signal.CAP);
                sum += s.z(c, signal);
            }
            assertThat(s.score(c)).isCloseTo(sum, within(1e-12));
        }
        // spans ln(101) and ln(7201): median between them, MAD half their distance, so a sits 1/1.4826 below
        assertThat(s.z(0, Signal.SHORT_HISTORY)).isCloseTo(1 / 1.4826, within(1e-9));
        assertThat(s.z(1, Signal.SHORT_HISTORY)).isZero();
        assertThat(s.z(2, Signal.SHORT_HISTORY)).isZero();
    }
}
