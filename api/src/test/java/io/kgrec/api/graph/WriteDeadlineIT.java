package io.kgrec.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kgrec.loader.write.WriteDeadline;
import io.kgrec.loader.write.WriteTransactions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.Transaction;

/**
 * A write that cannot get its locks gives up within its budget, retries included, and is gone for good: it does not
 * commit after the caller was told it failed. One that gets them before the budget is spent commits once. In-process
 * and through the driver, against a real database whose node another transaction holds locked.
 */
class WriteDeadlineIT {
    private static final String BUMP = "MATCH (i:Item {id: $id}) SET i.count = i.count + 1 RETURN i.count AS count";

    @TempDir
    static Path home;

    private static EmbeddedNeo4j neo4j;
    private static Driver driver;
    private final ExecutorService locker = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void start() {
        neo4j = EmbeddedNeo4j.start(GraphSettings.from(Map.<String, String>of()::get).withDataDir(home)
                .withBoltPort(0));
        driver = GraphDatabase.driver("bolt://" + neo4j.boltAddress());
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @BeforeEach
    void oneItem() {
        try (Transaction tx = neo4j.database().beginTx()) {
            tx.execute("MATCH (n) DETACH DELETE n");
            tx.execute("CREATE (:Item {id: 'x', count: 0})");
            tx.commit();
        }
    }

    @Test
    void inProcessAWriteThatCannotGetItsLocksGivesUpWithinItsBudgetAndNeverCommits() throws Exception {
        assertGivesUpAndNeverCommits(new InProcessWrites(neo4j, Duration.ofSeconds(1)));
    }

    @Test
    void throughTheDriverAWriteThatCannotGetItsLocksGivesUpWithinItsBudgetAndNeverCommits() throws Exception {
        assertGivesUpAndNeverCommits(WriteTransactions.within(driver, "neo4j", Duration.ofSeconds(1)));
    }

    @Test
    void inProcessAWriteWhoseLocksAreFreedInTimeCommitsOnce() throws Exception {
        assertCommitsOnceAfterTheLockIsFreed(new InProcessWrites(neo4j, Duration.ofSeconds(10)));
    }

    @Test
    void throughTheDriverAWriteWhoseLocksAreFreedInTimeCommitsOnce() throws Exception {
        assertCommitsOnceAfterTheLockIsFreed(WriteTransactions.within(driver, "neo4j", Duration.ofSeconds(10)));
    }

    private void assertGivesUpAndNeverCommits(WriteTransactions writes) throws Exception {
        Future<?> held = holdTheItemLocked(Duration.ofSeconds(6));
        long started = System.nanoTime();

        assertThatThrownBy(() -> writes.write(tx -> tx.run(BUMP, Map.of("id", "x"))))
                .isInstanceOf(WriteDeadline.Exceeded.class)
                .hasMessageContaining("did not commit within 1000 ms")
                .hasMessageContaining("nothing was written");
        double seconds = (System.nanoTime() - started) / 1e9;
        // well before the lock was freed: the attempt's timeout cut its lock wait, not the lock's release
        assertThat(seconds).isLessThan(4.5);

        held.get(20, TimeUnit.SECONDS);
        assertThat(count()).as("the given-up write must not commit once the lock is free").isZero();
    }

    private void assertCommitsOnceAfterTheLockIsFreed(WriteTransactions writes) throws Exception {
        Future<?> held = holdTheItemLocked(Duration.ofMillis(1500));

        Object after = writes.write(tx -> tx.run(BUMP, Map.of("id", "x")).get(0).get("count"));

        held.get(20, TimeUnit.SECONDS);
        assertThat(((Number) after).longValue()).isEqualTo(1);
        assertThat(count()).isEqualTo(1);
    }

    /** Takes the item's write lock in a transaction of its own, holds it, then rolls back; returns once it is held. */
    private Future<?> holdTheItemLocked(Duration howLong) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        Future<?> held = locker.submit(() -> {
            try (Transaction tx = neo4j.database().beginTx()) {
                tx.execute("MATCH (i:Item {id: 'x'}) SET i.lockedBy = 'test'").close();
                locked.countDown();
                Thread.sleep(howLong.toMillis());
                tx.rollback();
            }
            return null;
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    private long count() {
        try (Transaction tx = neo4j.database().beginTx()) {
            return ((Number) tx.execute("MATCH (i:Item {id: 'x'}) RETURN i.count AS c").next().get("c")).longValue();
        }
    }
}
