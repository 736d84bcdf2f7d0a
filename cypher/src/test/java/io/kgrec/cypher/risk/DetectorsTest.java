package io.kgrec.cypher.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorsTest {
    private static final AnomalyConfig CONFIG = AnomalyConfig.DEFAULTS;

    /** A log with hand-set suspicion scores, so a detector's own logic is tested apart from the features. */
    private static DetectionInput withScores(InteractionLog log, double... scores) {
        return new DetectionInput(log, CustomerFeatures.of(log, CONFIG),
                new Suspicion(new double[scores.length][Signal.values().length], scores), CONFIG);
    }

    @Test
    void a_push_is_an_item_whose_top_value_audience_is_mostly_suspects() {
        InteractionLogBuilder b = new InteractionLogBuilder();
        // s0..s4 suspects rate T 5; r5 (not a suspect) rates T 5 too; r6 rates T 2, outside the top-value audience
        for (int c = 0; c < 5; c++) {
            b.rate("s" + c, "T", 5, 0).rate("s" + c, "F" + c, 3, 0);
        }
        b.rate("r5", "T", 5, 0).rate("r6", "T", 2, 0);
        DetectionInput in = withScores(b.build(), 9, 9, 8, 8, 7, 1, 20);

        List<Finding> found = new PushGroups().detect(in);

        assertThat(found).hasSize(1);
        Finding push = found.get(0);
        assertThat(push.key()).isEqualTo("PUSH_GROUP:T");
        assertThat(push.members()).extracting(Finding.Member::customer).containsExactly(0, 1, 2, 3, 4);
        assertThat(push.evidence()).containsEntry("members", 5.0).containsEntry("audience", 6.0)
                .containsEntry("groupMeanRating", 5.0).containsEntry("othersMeanRating", 3.5);
        assertThat(push.evidence().get("share")).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(push.score()).isEqualTo(8.0);
        // customer scope: every interaction of a member is flagged
        assertThat(push.members().get(0).interactions()).containsExactly(0, 1);
    }

    @Test
    void a_suspect_belongs_to_one_push_only_so_shared_fillers_do_not_make_more_groups() {
        InteractionLogBuilder b = new InteractionLogBuilder();
        // six suspects push T; five of them also rated the filler F top, as did one real customer
        for (int c = 0; c < 6; c++) {
            b.rate("s" + c, "T", 5, 0);
            if (c < 5) {
                b.rate("s" + c, "F", 5, 0);
            }
        }
        b.rate("r", "F", 5, 0);
        DetectionInput in = withScores(b.build(), 9, 9, 9, 9, 9, 9, 8);

        List<Finding> found = new PushGroups().detect(in);

        assertThat(found).extracting(Finding::subject).containsExactly("T");
    }

    @Test
    void too_few_suspects_or_too_small_a_share_is_no_push() {
        InteractionLogBuilder b = new InteractionLogBuilder();
        for (int c = 0; c < 20; c++) {
            b.add("c" + c, "T", 1, 0);
        }
        double[] scores = new double[20];
        for (int c = 0; c < 5; c++) {
            scores[c] = 9; // five suspects, but a quarter of the audience: below minShare 0.3
        }
        assertThat(new PushGroups().detect(withScores(b.build(), scores))).isEmpty();
        scores[4] = 0; // 4 of 20
        assertThat(new PushGroups().detect(withScores(b.build(), scores))).isEmpty();
    }

    @Test
    void a_burst_far_beyond_the_other_customers_flags_only_the_interactions_in_its_window() {
        InteractionLogBuilder b = new InteractionLogBuilder();
        for (int c = 0; c < 30; c++) {
            for (int k = 0; k < 3; k++) {
                b.add("c" + c, "I" + k, 1, 86_400L * k);
            }
        }
        for (int k = 0; k < 40; k++) {
            b.add("bot", "J" + k, 1, 1_000_000 + 10L * k);
        }
        b.add("bot", "I0", 1, 0);
        InteractionLog log = b.build();

        List<Finding> found = new Bursts().detect(DetectionInput.of(log, CONFIG));

        assertThat(found).hasSize(1);
        Finding burst = found.get(0);
        assertThat(burst.subject()).isEqualTo("bot");
        assertThat(burst.evidence()).containsEntry("burst", 40.0).containsEntry("typicalBurst", 1.0)
                .containsEntry("windowStart", 1_000_000.0);
        // everyone else has 1 per window: ln 1 = 0, spread at the floor 0.25, so z = ln 40 / 0.25
        assertThat(burst.score()).isCloseTo(Math.log(40) / 0.25, within(1e-9));
        assertThat(burst.members().get(0).interactions()).hasSize(40).doesNotContain(40);
    }

    @Test
    void volume_needs_both_an_absolute_minimum_and_a_robust_outlier() {
        InteractionLogBuilder b = new InteractionLogBuilder();
        for (int c = 0; c < 30; c++) {
            for (int k = 0; k < 10 + c % 5; k++) {
                b.add("c" + c, "I" + k, 1, -1);
            }
        }
        for (int k = 0; k < 500; k++) {
            b.add("heavy", "J" + k, 1, -1);
        }
        b.add("many-rows", "I0", 1, 400, -1, false, null);
        List<Finding> found = new Volumes().detect(DetectionInput.of(b.build(), CONFIG));

        assertThat(found).extracting(Finding::subject).containsExactly("heavy", "many-rows");
        assertThat(found.get(0).evidence()).containsEntry("interactions", 500.0);
        assertThat(found.get(1).evidence()).containsEntry("rows", 400.0);
        assertThat(new Volumes().detect(DetectionInput.of(b.build(), AnomalyConfig.of(Map.of("minVolume", 1000)))))
                .as("below the absolute minimum").isEmpty();
    }

    @Test
    void a_quantity_is_judged_against_the_same_items_other_interactions_and_never_for_ratings() {
        InteractionLogBuilder b = new InteractionLogBuilder();
        for (int c = 0; c < 10; c++) {
            b.add("c" + c, "milk", 1 + c % 2, 0);
            b.add("c" + c, "fuel", 5000 + 100 * c, 0);
        }
        b.add("odd", "milk", 200, 0).add("odd", "fuel", 6000, 0);
        b.add("fan", "film", 5, 1, 0, true, null);
        for (int c = 0; c < 6; c++) {
            b.rate("r" + c, "film", 1, 0);
        }
        // milk: ln 1 and ln 2 five times each and ln 200 → median ln 2, scale 1.4826 ln 2, z = ln 100 / (1.4826 ln 2)
        AnomalyConfig config = AnomalyConfig.of(Map.of("quantityZ", 4.0));
        List<Finding> found = new Quantities().detect(DetectionInput.of(b.build(), config));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).score()).isCloseTo(Math.log(100) / (1.4826 * Math.log(2)), within(1e-9));
        assertThat(found.get(0).subject()).isEqualTo("odd");
        assertThat(found.get(0).members().get(0).interactions()).containsExactly(0);
        assertThat(found.get(0).evidence().get("largestFactor")).isCloseTo(100.0, within(1e-9));
    }
}
