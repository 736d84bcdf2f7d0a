package io.kgrec.loader.write;

import io.kgrec.loader.LoadException;
import io.kgrec.loader.progress.ProgressBar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Sends rows to one parameterised statement in batches, one managed write transaction per batch. With more than one
 * writer, rows are split by a partition key into as many partitions as writers, each written by its own session, so
 * that rows sharing a key (a customer's interactions, an item's facts) are never written by two transactions at once.
 * Transient failures, such as a deadlock between writers on a shared node, are retried by the driver; every
 * statement is idempotent, so a retried batch writes the same values.
 */
final class Batches {
    private final Driver driver;
    private final String database;
    private final int batchSize;
    private final int writers;
    private final ExecutorService pool;
    private final ProgressBar progress;
    private final AtomicLong written = new AtomicLong();

    Batches(Driver driver, String database, int batchSize, int writers, ExecutorService pool, ProgressBar progress) {
        this.driver = driver;
        this.database = database;
        this.batchSize = batchSize;
        this.writers = writers;
        this.pool = pool;
        this.progress = progress;
    }

    /** Checks what a batch's statement returned, inside its transaction: throwing rolls the batch back. */
    @FunctionalInterface
    interface Check {
        Check NONE = (result, rows) -> result.consume();

        void check(Result result, int rows);
    }

    /**
     * Every row of a batch must find the nodes it links, for statements that {@code RETURN count(*) AS matched} after
     * their MATCHes: the loader writes every node before the relationships, so a row that finds none means the graph
     * changed under the load (a customer erased meanwhile, say). Its MATCH would have dropped the row without a word;
     * failing the batch instead writes nothing of it, and the load says so.
     *
     * @param what the rows, as the error names them ("shop/transactions.csv: interactions", "knowledge-graph facts")
     */
    static Check everyRowMatched(String what) {
        return (result, rows) -> {
            long matched = result.single().get("matched").asLong();
            if (matched != rows) {
                throw new LoadException(what + ": " + (rows - matched) + " of " + rows + " rows in a batch link a node "
                        + "that is no longer in the graph (deleted while the load ran); nothing of the batch was "
                        + "written. Load again to write it.");
            }
        };
    }

    /**
     * @param params       further parameters of every batch
     * @param partitionKey what must not be written concurrently, or {@code null} to write in one session
     */
    <T> void run(String statement, Map<String, Object> params, Collection<T> source,
            Function<T, Map<String, Object>> toRow, Function<T, Object> partitionKey) {
        run(statement, params, source, toRow, partitionKey, Check.NONE);
    }

    /** The same, checking each batch's result. */
    <T> void run(String statement, Map<String, Object> params, Collection<T> source,
            Function<T, Map<String, Object>> toRow, Function<T, Object> partitionKey, Check check) {
        if (source.isEmpty()) {
            return;
        }
        if (writers == 1 || partitionKey == null || source.size() <= batchSize) {
            write(statement, params, new ArrayList<>(source), toRow, check);
            return;
        }
        List<List<T>> partitions = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            partitions.add(new ArrayList<>());
        }
        for (T t : source) {
            partitions.get(Math.floorMod(partitionKey.apply(t).hashCode(), writers)).add(t);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<T> partition : partitions) {
            running.add(pool.submit(() -> write(statement, params, partition, toRow, check)));
        }
        for (Future<?> f : running) {
            await(f);
        }
    }

    long written() {
        return written.get();
    }

    private <T> void write(String statement, Map<String, Object> params, List<T> rows,
            Function<T, Map<String, Object>> toRow, Check check) {
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<Map<String, Object>> batch = new ArrayList<>(Math.min(batchSize, rows.size() - from));
                for (T t : rows.subList(from, Math.min(rows.size(), from + batchSize))) {
                    batch.add(toRow.apply(t));
                }
                Map<String, Object> all = new HashMap<>(params);
                all.put("rows", batch);
                int size = batch.size();
                session.executeWriteWithoutResult(tx -> check.check(tx.run(statement, all), size));
                written.addAndGet(batch.size());
                progress.advance(batch.size());
            }
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
