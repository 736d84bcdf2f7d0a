package io.kgrec.cypher.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainConfigTest {

    @Test
    void the_tuning_budget_defaults_to_a_gibibyte_of_scores_per_family() {
        assertThat(TrainConfig.of(Map.of()).tuningScores()).isEqualTo(1L << 28);
        assertThat(TrainConfig.of(Map.of("tuningScores", 5_000_000)).tuningScores()).isEqualTo(5_000_000L);
    }

    @ParameterizedTest
    @CsvSource({"10, must be in", "-1, must be in", "2e12, must be in"})
    void rejects_a_tuning_budget_out_of_range(double value, String message) {
        assertThatThrownBy(() -> TrainConfig.of(Map.of("tuningScores", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tuningScores").hasMessageContaining(message);
    }
}
