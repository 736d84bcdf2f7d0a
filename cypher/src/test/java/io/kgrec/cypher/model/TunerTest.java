package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A synthetic shop with four clusters of customers, each buying mostly from its own cluster of items (attribute =
 * cluster). The tuner must find a model that beats popularity on the held-out items, and do so deterministically.
 */
class TunerTest {
    private static final int CUSTOMERS = 240;
    private static final int ITEMS = 60;

    @Test
    void finds_a_blend_that_beats_popularity_on_validation() {
        Split split = syntheticSplit();

        Tuner.Result result = Tuner.tune(split.data, split.holdout);

        HybridModel popularity = HybridModel.blend(new FittedFamilies(InteractionTransform.BINARY, null, null, null,
                null, PopularityPrior.of(split.data.interactions(), 1, 0)), new BlendWeights(0, 0, 0, 0, 1, 0));
        double popularityNdcg = RankingMetrics.evaluate(popularity, split.data, split.holdout, 10)
                .ndcg();
        assertThat(result.ndcg()).isGreaterThan(popularityNdcg * 1.2);
        assertThat(result.log()).isNotEmpty();
    }

    @Test
    void tuning_twice_chooses_the_same_configuration() {
        Split split = syntheticSplit();

        assertThat(Tuner.tune(split.data, split.holdout).config())
                .isEqualTo(Tuner.tune(split.data, split.holdout).config());
    }

    @Test
    void reports_progress_in_many_steps_rising_to_one() {
        Split split = syntheticSplit();
        List<Double> reported = new ArrayList<>();

        Tuner.tune(split.data, split.holdout, ModelConfig.defaults(), reported::add);

        assertThat(reported).hasSizeGreaterThan(10).isSorted().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(reported.get(reported.size() - 1)).isEqualTo(1.0);
    }

    private record Split(TrainingData data, Holdout holdout) {
    }

    private static Split syntheticSplit() {
        Random random = new Random(3);
        InteractionMatrix.Builder x = InteractionMatrix.builder(CUSTOMERS, ITEMS);
        int[][] held = new int[CUSTOMERS][];
        for (int c = 0; c < CUSTOMERS; c++) {
            int cluster = c % 4;
            List<Integer> items = new ArrayList<>();
            while (items.size() < 8) {
                int item = random.nextDouble() < 0.85 ? cluster * 15 + skewed(random) : random.nextInt(ITEMS);
                if (!items.contains(item)) {
                    items.add(item);
                }
            }
            held[c] = new int[] {items.get(0), items.get(1)};
            for (int p = 2; p < items.size(); p++) {
                x.add(c, items.get(p), 1 + random.nextInt(3));
            }
        }
        ItemAttributes.Builder kg = ItemAttributes.builder(ITEMS, 4);
        for (int i = 0; i < ITEMS; i++) {
            kg.link(i, i / 15);
        }
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            customers.add("c" + c);
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add("i" + i);
        }
        TrainingData data = new TrainingData(x.build(), kg.build(), customers, items,
                List.of("cluster:0", "cluster:1", "cluster:2", "cluster:3"));
        return new Split(data, new Holdout(held));
    }

    /** 0..14, small numbers more likely: clusters have popular and niche items. */
    private static int skewed(Random random) {
        return (int) Math.min(14, Math.floor(-Math.log(1 - random.nextDouble()) * 4));
    }
}
