package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.BenchmarkData;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The model trained on MovieLens-100k's training split with every family switched on (and a non-binary transform, so
 * x_uj matters): scores must decompose exactly, cold items must be reachable, and training must be reproducible.
 */
@Tag("full")
class RealDataModelTest {
    private static TrainingData data;
    private static ModelConfig config;
    private static HybridModel model;

    @BeforeAll
    static void train() {
        Path dir = BenchmarkData.dataset("ml-100k");
        data = TsvDataset.load(dir, "train", "test").data();
        config = ModelConfig.defaults()
                .withTransform(InteractionTransform.LOG)
                .withEase(new ModelConfig.Ease(1500, 0.1, 0.1, 300, true, 2, 4000))
                .withSegment(new ModelConfig.Segment("occupation", 50))
                .withBlend(new BlendWeights(1.0, 0.3, 0.2, 0.05, 0.1, 0.5));
        model = HybridTrainer.train(data, config);
    }

    @Test
    void every_family_is_in_the_model() {
        assertThat(model.weights()).containsOnlyKeys(Family.values());
    }

    @Test
    void decomposition_sums_to_the_ranking_score_within_1e_9() {
        Random random = new Random(1);
        for (int c = 0; c < data.customers(); c += 7) {
            History history = data.history(c, model.transform());
            double[] scores = model.scores(history);
            int[] items = IntStream.concat(IntStream.of(model.recommend(history, 10)),
                    random.ints(5, 0, data.items())).toArray();
            for (int item : items) {
                ScoreDecomposition why = model.explain(history, item);
                assertThat(why.total()).as("customer %d item %d", c, item).isCloseTo(scores[item], within(1e-9));
                assertThat(why.score()).isCloseTo(scores[item], within(1e-9));
            }
        }
    }

    @Test
    void the_prior_names_the_customers_segment() {
        History history = data.history(0, model.transform());
        String occupation = data.customerAttributes().valueId(data.customerAttributes().column("occupation"),
                history.attribute(data.customerAttributes().column("occupation")));

        assertThat(model.explain(history, model.recommend(history, 1)[0]).priors())
                .extracting(PriorContribution::name)
                .containsExactly(PopularityPrior.NAME, "segment:occupation=" + occupation);
    }

    @Test
    void knowledge_graph_paths_name_an_attribute_the_two_items_share() {
        History history = data.history(0, model.transform());
        int top = model.recommend(history, 1)[0];

        model.explain(history, top).paths().stream()
                .filter(p -> p.family() == Family.KNOWLEDGE_GRAPH)
                .forEach(p -> {
                    assertThat(data.attributes().attributesOf(p.knownItem())).contains(p.attribute());
                    assertThat(data.attributes().attributesOf(top)).contains(p.attribute());
                });
    }

    @Test
    void cold_items_with_attributes_get_scores_through_knowledge_graph_or_embedding_paths() {
        int[] cold = IntStream.range(0, data.items())
                .filter(i -> data.interactions().itemCount(i) == 0 && data.attributes().attributeCount(i) > 0)
                .toArray();
        assertThat(cold).isNotEmpty();
        double[] best = new double[data.items()];
        for (int c = 0; c < data.customers(); c++) {
            double[] scores = model.scores(data.history(c, model.transform()));
            for (int i : cold) {
                best[i] = Math.max(best[i], scores[i]);
            }
        }
        for (int i : cold) {
            assertThat(best[i]).as("cold item %s", data.itemIds().get(i)).isGreaterThan(0);
        }
    }

    @Test
    void the_same_seed_gives_identical_recommendations() {
        HybridModel again = HybridTrainer.train(data, config);

        for (int c = 0; c < data.customers(); c++) {
            History history = data.history(c, model.transform());
            assertThat(again.recommend(history, 10)).containsExactly(model.recommend(history, 10));
        }
    }
}
