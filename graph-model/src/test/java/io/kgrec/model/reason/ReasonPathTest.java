package io.kgrec.model.reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonPathTest {
    private final ReasonPath path = new ReasonPath(PathKind.COLLABORATIVE,
            List.of(PathNode.customer("c1", "c1"), PathNode.item("A", "Apple"), PathNode.customerGroup(12),
                    PathNode.item("B", "Bread")),
            List.of(PathStep.out("PURCHASED"), PathStep.in("PURCHASED"), PathStep.out("PURCHASED")), 0.25,
            ReasonSentences.collaborative("PURCHASED", "Apple", "PURCHASED", 12, "PURCHASED", "Bread"));

    @Test
    void survives_the_round_trip_through_plain_maps() {
        assertThat(ReasonPathMaps.fromMap(ReasonPathMaps.toMap(path))).isEqualTo(path);
    }

    @Test
    void paths_read_from_one_answer_share_the_nodes_they_have_in_common() {
        ReasonPath other = new ReasonPath(PathKind.COLLABORATIVE,
                List.of(PathNode.customer("c1", "c1"), PathNode.item("C", "Cheese"), PathNode.customerGroup(3),
                        PathNode.item("B", "Bread")),
                path.steps(), 0.125,
                ReasonSentences.collaborative("PURCHASED", "Cheese", "PURCHASED", 3, "PURCHASED", "Bread"));
        ReasonPathMaps.Reader reader = new ReasonPathMaps.Reader();

        ReasonPath first = reader.path(ReasonPathMaps.toMap(path));
        ReasonPath second = reader.path(ReasonPathMaps.toMap(other));

        assertThat(List.of(first, second)).containsExactly(path, other);
        assertThat(second.start()).isSameAs(first.start());
        assertThat(second.end()).isSameAs(first.end());
        assertThat(second.nodes().get(1)).isNotSameAs(first.nodes().get(1));
        assertThat(second.steps().get(0)).isSameAs(first.steps().get(0));
        assertThat(ReasonPathMaps.fromMap(ReasonPathMaps.toMap(path)).nodes().get(2))
                .as("a small group is one shared value").isSameAs(first.nodes().get(2));
    }

    @Test
    void a_group_too_large_to_share_is_still_read_as_it_was_written() {
        PathNode large = PathNode.customerGroup(100_000);
        ReasonPath wide = new ReasonPath(PathKind.COLLABORATIVE,
                List.of(path.start(), path.nodes().get(1), large, path.end()), path.steps(), 0.5, "s");

        assertThat(new ReasonPathMaps.Reader().path(ReasonPathMaps.toMap(wide)).nodes().get(2))
                .isEqualTo(large).isNotSameAs(large);
    }

    @Test
    void groups_of_customers_have_a_size_and_never_an_id() {
        assertThat(path.throughOtherCustomers()).isTrue();
        assertThat(path.nodes().get(2).name()).isEqualTo("12 customers");
        assertThatThrownBy(() -> new PathNode(NodeKind.CUSTOMER_GROUP, "c2", List.of("Customer"), "x", 1))
                .hasMessage("a customer group has no id");
    }

    @Test
    void reads_as_a_sentence_from_the_customers_side() {
        assertThat(path.sentence()).isEqualTo("You bought Apple, and 12 customers who bought it also bought Bread.");
    }

    @Test
    void needs_one_relationship_between_each_pair_of_nodes() {
        assertThatThrownBy(() -> new ReasonPath(PathKind.ATTRIBUTE, path.nodes(), List.of(PathStep.out("X")), 1, "s"))
                .hasMessage("a path of 4 nodes has 3 relationships, not 1");
    }

    @Test
    void a_regrouped_path_shows_the_new_group_in_its_nodes_steps_and_sentence_and_keeps_its_contribution() {
        ReasonPath regrouped = path.regrouped("VIEWED", 13, "PURCHASED");

        assertThat(regrouped.nodes().get(2).size()).isEqualTo(13);
        assertThat(regrouped.steps()).containsExactly(PathStep.out("PURCHASED"), PathStep.in("VIEWED"),
                PathStep.out("PURCHASED"));
        assertThat(regrouped.sentence()).isEqualTo("You bought Apple, and 13 customers who viewed it also bought Bread.");
        assertThat(regrouped.contribution()).isEqualTo(0.25);
        assertThat(path.regrouped("PURCHASED", 12, "PURCHASED")).isEqualTo(path);
        ReasonPath learned = new ReasonPath(PathKind.SIMILARITY, List.of(path.start(), path.nodes().get(1), path.end()),
                List.of(PathStep.out("PURCHASED"), PathStep.out("SIMILAR_TO")), 0.1,
                ReasonSentences.learned("PURCHASED", "Apple", ReasonSentences.CO_ENGAGEMENT, "Bread"));
        assertThat(learned.isUngroupedCoEngagement()).isTrue();
        assertThat(path.isUngroupedCoEngagement()).isFalse();
        assertThatThrownBy(() -> learned.regrouped("PURCHASED", 1, "PURCHASED"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_path_shows_a_group_only_when_regrouping_it_with_that_group_would_give_the_same_path() {
        assertThat(path.showsGroup("PURCHASED", 12, "PURCHASED")).isTrue();
        assertThat(path.regrouped("PURCHASED", 12, "PURCHASED")).isEqualTo(path);
        assertThat(path.showsGroup("PURCHASED", 13, "PURCHASED")).isFalse();
        assertThat(path.showsGroup("VIEWED", 12, "PURCHASED")).isFalse();
        assertThat(path.showsGroup("PURCHASED", 12, "VIEWED")).isFalse();
        ReasonPath learned = new ReasonPath(PathKind.SIMILARITY, List.of(path.start(), path.nodes().get(1), path.end()),
                List.of(PathStep.out("PURCHASED"), PathStep.out("SIMILAR_TO")), 0.1,
                ReasonSentences.learned("PURCHASED", "Apple", ReasonSentences.CO_ENGAGEMENT, "Bread"));
        assertThat(learned.showsGroup("PURCHASED", 12, "PURCHASED")).isFalse();
    }
}
