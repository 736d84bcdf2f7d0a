package io.kgrec.api.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;

/**
 * {@code Query.model} while a training run is in progress and after it. The test holds a write lock on one item,
 * which stops training inside its writing phases, so the run is seen in progress however fast the machine is. A model
 * node left 'running' by a stopped process, older than the run, must not keep the state at TRAINING afterwards.
 */
class ModelStatusIT extends LoadedApplication {
    private static final String MODEL = """
            { model { state servingVersion trainingVersion phase phaseProgress progress startedAt elapsedSeconds
                      estimatedSecondsLeft finishedPhases { name seconds } lastRunVersion lastRunSeconds lastRunError
                      lastRunPhases { name seconds } } }
            """;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private Map<String, Object> model() {
        GraphQlClient.Response r = client(FRONTEND_OWN).post(MODEL, Map.of());
        assertThat(r.json()).as(r.text()).doesNotContainKey("errors");
        return r.data("model");
    }

    private Map<String, Object> awaitModel(Predicate<Map<String, Object>> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Object> m = model();
        while (!condition.test(m)) {
            assertThat(System.nanoTime()).as("model status still %s", m).isLessThan(deadline);
            LockSupport.parkNanos(50_000_000L); // pace the polling; the condition is what is waited on
            m = model();
        }
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void reports_training_with_its_phase_while_a_run_is_in_progress_and_serving_the_new_version_after()
            throws Exception {
        // A run that a stopped process left behind: still 'running', and older than the run below.
        long stale = count("""
                OPTIONAL MATCH (m:Model) WITH coalesce(max(m.version), 0) + 1 AS version
                CREATE (:Model {version: version, status: 'running', current: false, startedAt: datetime(),
                                phase: 'tuning on a validation hold-out', phaseProgress: 0.5, progress: 0.3})
                RETURN version
                """, Map.of());
        CompletableFuture<ModelTrainer.Trained> training;
        Map<String, Object> running;
        try (Session s = graph.driver().session(SessionConfig.forDatabase(graph.database()));
             Transaction hold = s.beginTransaction()) {
            hold.run("MATCH (i:Item) WITH i ORDER BY i.id LIMIT 1 SET i.heldByTheTest = true").consume();
            training = CompletableFuture.supplyAsync(() -> new ModelTrainer(graph).train(42, TrainingWatch.NONE));

            running = awaitModel(m -> "TRAINING".equals(m.get("state"))
                    && ((String) m.get("phase")).startsWith("writing"));
            hold.rollback();
        }
        ModelTrainer.Trained trained = training.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(((Number) running.get("trainingVersion")).longValue()).isEqualTo(trained.version());
        assertThat((Double) running.get("progress")).isGreaterThan(0.5).isLessThan(1.0);
        assertThat((Double) running.get("phaseProgress")).isBetween(0.0, 1.0);
        assertThat((String) running.get("startedAt")).isNotBlank();
        assertThat((Double) running.get("estimatedSecondsLeft")).isNotNegative();
        assertThat((List<Map<String, Object>>) running.get("finishedPhases")).extracting(p -> p.get("name"))
                .startsWith("reading the graph", "tuning on a validation hold-out", "fitting the chosen model");

        Map<String, Object> after = model();
        assertThat(after.get("state")).isEqualTo("SERVING");
        assertThat(((Number) after.get("servingVersion")).longValue()).isEqualTo(trained.version());
        assertThat(after.get("trainingVersion")).isNull();
        assertThat(after.get("phase")).isNull();
        assertThat(((Number) after.get("lastRunVersion")).longValue()).isEqualTo(trained.version());
        assertThat((Double) after.get("lastRunSeconds")).isPositive();
        assertThat(after.get("lastRunError")).isNull();
        assertThat((List<Map<String, Object>>) after.get("lastRunPhases")).extracting(p -> p.get("name"))
                .containsExactly("reading the graph", "tuning on a validation hold-out", "fitting the chosen model",
                        "writing item similarities", "writing popularity and segments");
        assertThat(trained.version()).isGreaterThan(stale);
        count("MATCH (m:Model {version: $v, status: 'running'}) DETACH DELETE m RETURN count(*)", Map.of("v", stale));
    }
}
