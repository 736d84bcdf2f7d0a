package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelTrainingTest {

    @Test
    void validation_split_holds_out_a_fifth_of_each_customer_and_keeps_one_item_in_training() {
        InteractionMatrix x = TinyData.interactions(20, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new int[] {3, 4},
                new int[] {5});

        ValidationSplit split = ValidationSplit.holdOut(x, 0.2, 11);

        assertThat(split.holdout().of(0)).hasSize(2);
        assertThat(split.train().itemsOf(0)).hasSize(8).doesNotContain(split.holdout().of(0));
        assertThat(split.holdout().of(1)).hasSize(1);
        assertThat(split.train().itemsOf(1)).hasSize(1);
        assertThat(split.holdout().of(2)).isEmpty();
        assertThat(split.train().itemsOf(2)).containsExactly(5);
    }

    @Test
    void the_same_seed_gives_the_same_split() {
        InteractionMatrix x = TinyData.interactions(30, java.util.stream.IntStream.range(0, 30).toArray());

        int[] a = ValidationSplit.holdOut(x, 0.2, 5).holdout().of(0);
        int[] b = ValidationSplit.holdOut(x, 0.2, 5).holdout().of(0);

        assertThat(a).containsExactly(b);
        assertThat(a).hasSize(6);
    }

    @Test
    void tunes_on_its_own_split_and_trains_on_all_interactions() {
        int customers = 120;
        int[][] histories = new int[customers][];
        for (int c = 0; c < customers; c++) {
            int base = (c % 3) * 10;
            histories[c] = new int[] {base + c % 10, base + (c + 3) % 10, base + (c + 5) % 10, base + (c + 7) % 10,
                    base + (c + 8) % 10};
            Arrays.sort(histories[c]);
        }
        InteractionMatrix x = TinyData.interactions(30, histories);
        TrainingData data = TinyData.data(x, ItemAttributes.none(30));

        ModelTraining.TrainedModel trained = ModelTraining.tuneAndTrain(data, 1);

        assertThat(trained.validationNdcg()).isGreaterThan(0);
        assertThat(trained.model().items()).isEqualTo(30);
        History history = data.history(0, trained.model().transform());
        int[] recommended = trained.model().recommend(history, 3);
        assertThat(recommended).doesNotContain(history.items());
        assertThat(Arrays.stream(recommended).boxed().toList()).as("same cluster as the history").allMatch(i -> i < 10);
    }
}
