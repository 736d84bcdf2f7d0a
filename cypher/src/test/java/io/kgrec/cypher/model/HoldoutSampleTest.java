package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutSampleTest {
    private static Holdout holdout(int customers) {
        // every third customer has nothing held out, as a customer with a single item
        return new Holdout(IntStream.range(0, customers)
                .mapToObj(c -> c % 3 == 0 ? new int[0] : new int[] {c % 7, 10 + c % 5}).toArray(int[][]::new));
    }

    @Test
    void a_holdout_within_the_limit_is_kept_whole() {
        Holdout h = holdout(30);

        assertThat(h.evaluated()).isEqualTo(20);
        assertThat(h.sample(20, 1)).isSameAs(h);
    }

    @Test
    void a_larger_holdout_keeps_exactly_the_limit_of_customers_with_their_items_unchanged() {
        Holdout h = holdout(300);

        Holdout s = h.sample(50, 7);

        assertThat(s.customers()).isEqualTo(300);
        assertThat(s.evaluated()).isEqualTo(50);
        for (int c = 0; c < 300; c++) {
            if (s.of(c).length > 0) {
                assertThat(s.of(c)).containsExactly(h.of(c));
            }
        }
    }

    @Test
    void the_sample_depends_only_on_the_seed() {
        Holdout h = holdout(300);

        int[] a = IntStream.range(0, 300).filter(c -> h.sample(50, 7).of(c).length > 0).toArray();
        int[] b = IntStream.range(0, 300).filter(c -> h.sample(50, 7).of(c).length > 0).toArray();
        int[] other = IntStream.range(0, 300).filter(c -> h.sample(50, 8).of(c).length > 0).toArray();

        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(other);
    }

    @Test
    void tuning_with_a_small_score_budget_still_trains_a_model_on_all_customers() {
        int customers = 120;
        int[][] histories = new int[customers][];
        for (int c = 0; c < customers; c++) {
            int base = (c % 3) * 10;
            histories[c] = IntStream.of(base + c % 10, base + (c + 3) % 10, base + (c + 5) % 10,
                    base + (c + 7) % 10, base + (c + 8) % 10).sorted().toArray();
        }
        TrainingData data = TinyData.data(TinyData.interactions(30, histories), ItemAttributes.none(30));

        // 30 items × 40 customers: a third of the 120 customers are scored while tuning
        ModelTraining.TrainedModel trained = ModelTraining.tuneAndTrain(data, ModelConfig.defaults(), 1, 30 * 40);

        assertThat(trained.log().get(0)).contains("sample of 40 of 120 hold-out customers");
        assertThat(trained.validationNdcg()).isGreaterThan(0);
        History history = data.history(0, trained.model().transform());
        assertThat(trained.model().recommend(history, 3)).doesNotContain(history.items());
    }
}
