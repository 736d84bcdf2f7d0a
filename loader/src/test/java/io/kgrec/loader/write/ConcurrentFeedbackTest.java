package io.kgrec.loader.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.loader.testing.BoltNeo4j;
import io.kgrec.model.schema.InteractionType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;

/**
 * Feedback from different customers about different items shares nothing to lock: one shopper's purchase that has
 * not committed yet (its transaction still open) does not hold up another's.
 */
class ConcurrentFeedbackTest {
    /** How long the purchase that must not wait may take; the held one stays open at least that long. */
    private static final Duration BUDGET = Duration.ofSeconds(3);
    private static final Duration PATIENT = Duration.ofSeconds(30);
    private static BoltNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = BoltNeo4j.startWithSchema();
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @BeforeEach
    void catalog() {
        neo4j.clear();
        neo4j.driver().executableQuery("UNWIND ['A', 'B', 'C'] AS id CREATE (:Item {id: id})").execute();
    }

    @Test
    void a_purchase_does_not_wait_for_another_customers_uncommitted_purchase() throws Exception {
        // The first purchase registers the type and plans the statements; on a cold machine that can take seconds.
        new FeedbackWriter(WriteTransactions.within(neo4j.driver(), neo4j.database(), PATIENT))
                .interaction("first-ever", "C", InteractionType.PURCHASED, 1, null);
        FeedbackWriter writer = new FeedbackWriter(WriteTransactions.within(neo4j.driver(), neo4j.database(), BUDGET));
        HeldOpen held = new HeldOpen();
        CompletableFuture<FeedbackWriter.Recorded> slow = CompletableFuture.supplyAsync(
                () -> new FeedbackWriter(held).interaction("slow", "A", InteractionType.PURCHASED, 1, null));
        try {
            assertThat(held.written.await(10, TimeUnit.SECONDS)).as("the slow purchase ran its statements").isTrue();

            FeedbackWriter.Recorded quick = writer.interaction("quick", "B", InteractionType.PURCHASED, 2, null);

            assertThat(quick).isEqualTo(new FeedbackWriter.Recorded(1, 2.0, false));
            assertThat(slow).isNotDone();
        } finally {
            held.release.countDown();
        }
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(new FeedbackWriter.Recorded(1, 1.0, false));
        assertThat(neo4j.count("MATCH (:Customer)-[r:PURCHASED]->(:Item) RETURN count(r)")).isEqualTo(3);
    }

    @Test
    void the_feedback_source_still_registers_each_new_interaction_type() {
        // Nothing waits for a lock here, so the budget is a generous one: a first write on a cold machine once took 3 s.
        FeedbackWriter writer = new FeedbackWriter(WriteTransactions.within(neo4j.driver(), neo4j.database(), PATIENT));
        writer.interaction("c1", "A", InteractionType.PURCHASED, 1, null);
        writer.interaction("c1", "B", InteractionType.VIEWED, 1, null);
        writer.interaction("c2", "A", InteractionType.PURCHASED, 1, null);

        List<Object> types = neo4j.driver().executableQuery("""
                MATCH (s:SourceFile {key: $key}) RETURN s.kind AS kind, s.interactionTypes AS types
                """).withParameters(Map.of("key", FeedbackWriter.SOURCE)).execute().records().stream()
                .map(r -> (Object) List.of(r.get("kind").asString(), r.get("types").asList())).toList();

        assertThat(types).containsExactly(List.of("feedback", List.of("PURCHASED", "VIEWED")));
    }

    /** Write transactions that run their statements, then stay open, holding their locks, until released. */
    private static final class HeldOpen implements WriteTransactions {
        final CountDownLatch written = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public <T> T write(Function<Statements, T> work) {
            try (Session session = neo4j.driver().session(SessionConfig.forDatabase(neo4j.database()));
                    Transaction tx = session.beginTransaction()) {
                T result = work.apply((cypher, parameters) -> tx.run(cypher, parameters).list(r -> r.asMap()));
                written.countDown();
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
                tx.commit();
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
