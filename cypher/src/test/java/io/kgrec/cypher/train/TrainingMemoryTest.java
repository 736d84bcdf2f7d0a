package io.kgrec.cypher.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kgrec.cypher.testing.InProcessNeo4j;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingMemoryTest {

    @Test
    void a_budget_that_holds_everything_keeps_the_requested_tuning_cap() {
        TrainingMemory memory = new TrainingMemory(8L << 30);

        assertThat(memory.tuningScores(1L << 20, 1_000, 500)).isEqualTo(1L << 20);
    }

    @Test
    void a_smaller_budget_tunes_on_as_many_customers_as_fit_after_the_ease_solve() {
        int items = 20_897;
        int dense = 4_000;
        long budget = TrainingMemory.easeBytes(dense) + 1_000 * TrainingMemory.tuningBytesPerCustomer(items);

        long cap = new TrainingMemory(budget).tuningScores(1L << 28, items, dense);

        assertThat(cap).isEqualTo(1_000L * items);
    }

    @Test
    void a_budget_too_small_for_the_solve_is_refused_with_the_figures() {
        assertThatThrownBy(() -> new TrainingMemory(64L << 20).tuningScores(1L << 28, 20_897, 4_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("training needs about").hasMessageContaining("4000 dense items")
                .hasMessageContaining("may use 64 MB").hasMessageContaining("-Xmx");
    }

    @Test
    void kgrec_train_refuses_before_it_starts_when_its_share_of_the_heap_is_too_small() {
        try (InProcessNeo4j neo4j = InProcessNeo4j.start(TrainProc.class)) {
            neo4j.run(TrainProgressTest.GRAPH);

            assertThatThrownBy(() -> neo4j.rows("CALL kgrec.train({heapFraction: 0.000001})", Map.of()))
                    .hasMessageContaining("training needs about").hasMessageContaining("-Xmx");
            assertThat(neo4j.rows("MATCH (m:Model) RETURN m.status AS status", Map.of()))
                    .allSatisfy(row -> assertThat(row.get("status")).isNotEqualTo("ready"));
            assertThat(neo4j.rows("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s) AS n", Map.of()))
                    .containsExactly(Map.of("n", 0L));
        }
    }
}
