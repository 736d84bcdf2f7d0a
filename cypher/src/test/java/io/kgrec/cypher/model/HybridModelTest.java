package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A model assembled by hand: collaborative weights 0→2 = 0.5, 1→2 = −0.25, 0→3 = 0.1; knowledge-graph paths from the
 * fixture attributes; popularity shares from 4 customers.
 */
class HybridModelTest {
    private final InteractionMatrix x = TinyData.interactions(5,
            new int[] {0, 1}, new int[] {0, 2}, new int[] {2, 3}, new int[] {2});
    private final ItemAttributes kg = TinyData.attributes(5, new int[] {0, 2, 4}, new int[] {1, 3});
    private final SparseItemWeights collaborative = SparseItemWeights.builder(5)
            .row(0, new int[] {3, 2}, new double[] {0.1, 0.5})
            .row(1, new int[] {2}, new double[] {-0.25})
            .build();
    private final AttributePaths paths = AttributeFamily.fit(kg, x.itemCounts(), 0.0, 0.0, 10, 10, 10);
    private final FittedFamilies fitted = new FittedFamilies(InteractionTransform.BINARY, collaborative, null, paths,
            null, PopularityPrior.of(x, 1, 0));
    private final HybridModel model = HybridModel.blend(fitted, new BlendWeights(2.0, 0, 0.5, 0, 0.3, 1.0));
    private final History history = TinyData.binaryHistory(0, 1);

    @Test
    void scores_are_blended_path_sums_plus_the_prior() {
        // Collaborative: 2·(0.5 − 0.25); KG: 0.5·W_02 with W_02 = 1·(1/3) (item 0 has one attribute of 3 items);
        // prior: 0.3 · share(2) = 3/4 · |H|^−1 = 1/2.
        double expected = 2.0 * (0.5 - 0.25) + 0.5 * (1.0 / 3) + 0.3 * 0.75 / 2;

        assertThat(model.scores(history)[2]).isCloseTo(expected, within(1e-12));
        assertThat(model.score(history, 2)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void explains_a_score_as_paths_and_a_named_prior_that_add_up_to_it() {
        ScoreDecomposition why = model.explain(history, 2);

        assertThat(why.total()).isCloseTo(model.scores(history)[2], within(1e-12));
        assertThat(why.paths()).extracting(PathContribution::knownItem, PathContribution::family,
                        PathContribution::attribute)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(0, Family.COLLABORATIVE, -1),
                        org.assertj.core.groups.Tuple.tuple(1, Family.COLLABORATIVE, -1),
                        org.assertj.core.groups.Tuple.tuple(0, Family.KNOWLEDGE_GRAPH, 0));
        assertThat(why.paths().get(0).value()).as("strongest first").isCloseTo(1.0, within(1e-12));
        assertThat(why.familyTotal(Family.COLLABORATIVE)).isCloseTo(0.5, within(1e-12));
        assertThat(why.priors()).extracting(PriorContribution::name).containsExactly(PopularityPrior.NAME);
    }

    @Test
    void a_negative_weight_is_shown_as_a_negative_path() {
        ScoreDecomposition why = model.explain(history, 2);

        assertThat(why.paths()).filteredOn(p -> p.knownItem() == 1)
                .singleElement().extracting(PathContribution::value).isEqualTo(-0.5);
    }

    @Test
    void recommends_the_best_items_outside_the_history() {
        int[] recommended = model.recommend(history, 2);

        assertThat(recommended).hasSize(2).doesNotContain(0, 1).startsWith(2);
    }

    @Test
    void a_customer_without_history_gets_the_popularity_prior_only() {
        History none = TinyData.binaryHistory();

        assertThat(model.recommend(none, 1)).containsExactly(2);
        assertThat(model.explain(none, 2).paths()).isEmpty();
    }

    @Test
    void a_family_with_blend_weight_zero_is_left_out_of_the_model() {
        HybridModel withoutKg = HybridModel.blend(fitted, new BlendWeights(1, 0, 0, 0, 0, 0));

        assertThat(withoutKg.weights()).containsOnlyKeys(Family.COLLABORATIVE);
    }

    @Test
    void a_model_rebuilt_from_its_stored_weights_scores_the_same() {
        HybridModel rebuilt = HybridModel.of(5, model.transform(), model.weights(),
                model.knowledgeGraph().orElseThrow(), model.prior());

        assertThat(rebuilt.scores(history)).containsExactly(model.scores(history));
        assertThat(rebuilt.explain(history, 2)).isEqualTo(model.explain(history, 2));
    }

    @Test
    void knowledge_graph_terms_are_the_product_of_the_stored_link_weights() {
        AttributePaths kg = model.knowledgeGraph().orElseThrow();

        assertThat(kg.terms(0, 2).get(0).value()).isCloseTo(kg.out(0, 0) * kg.in(0, 2), within(1e-15));
    }
}
