package io.kgrec.cypher.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustScaleTest {
    @Test
    void uses_the_median_and_the_scaled_median_absolute_deviation() {
        // median 3; deviations 2,1,0,1,97 → MAD 1; the outlier moves neither
        RobustScale s = RobustScale.of(new double[] {1, 2, 3, 4, 100}, 0);

        assertThat(s.median()).isEqualTo(3.0);
        assertThat(s.scale()).isCloseTo(1.4826, within(1e-12));
        assertThat(s.above(100)).isCloseTo(97 / 1.4826, within(1e-9));
        assertThat(s.below(1)).isCloseTo(2 / 1.4826, within(1e-9));
    }

    @Test
    void falls_back_to_the_mean_absolute_deviation_when_most_values_are_equal() {
        // median 1, MAD 0; mean absolute deviation (0+0+0+0+9)/5 = 1.8, scaled by 1.2533
        RobustScale s = RobustScale.of(new double[] {1, 1, 1, 1, 10}, 0);

        assertThat(s.scale()).isCloseTo(1.2533 * 1.8, within(1e-12));
    }

    @Test
    void never_goes_below_the_floor_and_ignores_unknown_values() {
        RobustScale s = RobustScale.of(new double[] {2, Double.NaN, 2, 2.01}, 0.5);

        assertThat(s.median()).isEqualTo(2.0);
        assertThat(s.scale()).isEqualTo(0.5);
        assertThat(s.above(Double.NaN)).isZero();
    }

    @Test
    void a_population_without_known_values_scores_nobody() {
        RobustScale s = RobustScale.of(new double[] {Double.NaN}, 0.5);

        assertThat(s.above(42)).isZero();
    }
}
