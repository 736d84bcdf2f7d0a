package io.kgrec.cypher.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kgrec.cypher.risk.bench.AttackedGraph;
import io.kgrec.cypher.risk.bench.CanonicalRows;
import io.kgrec.cypher.risk.bench.Interaction;
import io.kgrec.cypher.risk.bench.PushAttack;
import io.kgrec.cypher.testing.BenchmarkData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The anomaly procedures on MovieLens-100k's training split (with its timestamps) in a real in-process Neo4j, with
 * a random push attack of 3% of the customers and 3% filler injected on item 1007, which 9 customers rated.
 * The tests run in order: each review decision is checked against the detection runs that follow it.
 */
@Tag("full")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnomalyProcTest {
    private static final String TARGET = "1007";
    private static AttackedGraph graph;
    private static Set<String> attackers;

    @BeforeAll
    static void loadAndAttack() {
        Path dataset = BenchmarkData.dataset("ml-100k");
        List<Interaction> train = CanonicalRows.read(dataset, "train");
        graph = AttackedGraph.load(dataset, "RATED", train);
        List<Interaction> attack = new PushAttack("random", 0.03, 0.03, "sessions").profiles(train, TARGET, true, 5);
        graph.inject(attack);
        attackers = attack.stream().map(Interaction::customer).collect(Collectors.toSet());
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    private static List<Map<String, Object>> stream(Map<String, Object> config) {
        return graph.rows("CALL kgrec.anomaly.stream($config)", Map.of("config", config));
    }

    @Test
    @Order(1)
    void a_dry_run_counts_without_writing() {
        Map<String, Object> r = graph.rows("CALL kgrec.anomaly.detect({write: false})", Map.of()).get(0);

        assertThat(r).containsEntry("run", 0L).containsEntry("flaggedCustomers", (long) attackers.size());
        assertThat(graph.rows("MATCH (a:Anomaly) RETURN count(a) AS n", Map.of()).get(0)).containsEntry("n", 0L);
    }

    @Test
    @Order(2)
    void flags_every_injected_profile_and_no_real_customer() {
        Map<String, Object> r = graph.rows("CALL kgrec.anomaly.detect()", Map.of()).get(0);

        assertThat(r).containsEntry("run", 1L).containsEntry("anomalies", 1L)
                .containsEntry("flaggedCustomers", 28L).containsEntry("excludedCustomers", 28L);
        assertThat(r.get("byKind")).isEqualTo(Map.of("PUSH_GROUP", 1L, "BURST", 0L, "VOLUME", 0L, "QUANTITY", 0L));
        assertThat(graph.flagged().keySet()).isEqualTo(attackers);
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void lists_each_flag_with_its_evidence_most_anomalous_first() {
        List<Map<String, Object>> rows = stream(Map.of());

        assertThat(rows).hasSize(28).allSatisfy(row -> {
            assertThat(row).containsEntry("anomaly", "PUSH_GROUP:" + TARGET).containsEntry("kind", "PUSH_GROUP")
                    .containsEntry("scope", "customer").containsEntry("status", "open")
                    .containsEntry("targetItem", TARGET).containsEntry("members", 28L);
            Map<String, Object> evidence = (Map<String, Object>) row.get("evidence");
            assertThat(evidence).containsKeys("suspicion", "unpopularItemsZ", "ratingDeviationZ", "shortHistoryZ",
                    "burstZ", "unlikeOthersZ", "meanLogPopularity", "neighbourSimilarity");
            assertThat((double) evidence.get("suspicion")).isGreaterThanOrEqualTo(7.0);
            assertThat((Map<String, Object>) row.get("anomalyEvidence")).containsEntry("members", 28.0)
                    .containsEntry("groupMeanRating", 5.0).containsKeys("audience", "share", "othersMeanRating");
        });
        assertThat(rows).extracting(row -> (double) row.get("score"))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat((String) rows.get(0).get("summary")).contains("push item " + TARGET);
        assertThat(stream(Map.of("kind", "BURST"))).isEmpty();
        assertThat(stream(Map.of("limit", 5, "skip", 25))).hasSize(3);
    }

    @Test
    @Order(4)
    void a_reviewers_decision_survives_later_detection_runs() {
        String dismissed = "attack-0";
        String confirmed = "attack-1";
        assertThat(graph.rows("CALL kgrec.anomaly.review($c, $a, 'dismissed', 'rita')",
                Map.of("c", dismissed, "a", "PUSH_GROUP:" + TARGET))).hasSize(1);
        graph.rows("CALL kgrec.anomaly.review($c, $a, 'confirmed', 'rita')",
                Map.of("c", confirmed, "a", "PUSH_GROUP:" + TARGET));

        Map<String, Object> again = graph.rows("CALL kgrec.anomaly.detect()", Map.of()).get(0);

        assertThat(again).containsEntry("run", 2L);
        List<Map<String, Object>> all = stream(Map.of("status", List.of("open", "confirmed", "dismissed")));
        assertThat(all).hasSize(28);
        assertThat(all).filteredOn(r -> r.get("customerId").equals(dismissed)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("status", "dismissed").containsEntry("reviewedBy", "rita"));
        assertThat(all).filteredOn(r -> r.get("customerId").equals(confirmed)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("status", "confirmed"));
        assertThat(stream(Map.of())).hasSize(27);
    }

    @Test
    @Order(5)
    void reviewing_a_flag_that_does_not_exist_changes_nothing() {
        assertThat(graph.rows("CALL kgrec.anomaly.review('1', 'PUSH_GROUP:1', 'confirmed')", Map.of())).isEmpty();
        assertThatThrownBy(() -> graph.rows("CALL kgrec.anomaly.review('1', 'PUSH_GROUP:1', 'maybe')", Map.of()))
                .hasMessageContaining("status must be one of [open, confirmed, dismissed]");
    }

    @Test
    @Order(6)
    void bad_configurations_are_refused_with_the_key_named() {
        assertThatThrownBy(() -> graph.rows("CALL kgrec.anomaly.detect({minShare: 2})", Map.of()))
                .hasMessageContaining("configuration 'minShare' must be in [0.0, 1.0], got 2.0");
        assertThatThrownBy(() -> graph.rows("CALL kgrec.anomaly.stream({status: 'closed'})", Map.of()))
                .hasMessageContaining("configuration 'status' must be one or more of [open, confirmed, dismissed]");
        assertThatThrownBy(() -> graph.rows("CALL kgrec.anomaly.detect({minscore: 3})", Map.of()))
                .hasMessageContaining("unknown configuration key(s) [minscore]");
    }
}
