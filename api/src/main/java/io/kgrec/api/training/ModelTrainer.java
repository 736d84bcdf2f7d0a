package io.kgrec.api.training;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.loader.progress.ProgressBar;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Runs {@code kgrec.train} over Bolt (so it trains on the primary of a cluster) and, while it runs, reads the
 * running model's phase and progress from the graph to show a progress bar.
 */
public final class ModelTrainer {
    private static final String TRAIN = """
            CALL kgrec.train({seed: $seed})
            YIELD modelVersion, customers, items, similarities, validationNdcg, totalSeconds
            RETURN modelVersion, customers, items, similarities, validationNdcg, totalSeconds
            """;
    private static final String PROGRESS = """
            MATCH (m:Model {status: 'running'}) RETURN m.phase AS phase, m.progress AS progress
            ORDER BY m.version DESC LIMIT 1
            """;

    private final GraphConnection graph;

    public ModelTrainer(GraphConnection graph) {
        this.graph = graph;
    }

    /** What a training run produced. */
    public record Trained(long version, long customers, long items, long similarities, double validationNdcg,
            double seconds) {
    }

    /** @param showProgress draw a progress bar on standard error while training */
    public Trained train(long seed, boolean showProgress) {
        CompletableFuture<Record> run = CompletableFuture.supplyAsync(() -> {
            try (Session s = session()) {
                return s.executeWrite(tx -> tx.run(TRAIN, Map.of("seed", seed)).single());
            }
        });
        Record r = showProgress ? awaitWithProgress(run) : run.join();
        return new Trained(r.get("modelVersion").asLong(), r.get("customers").asLong(), r.get("items").asLong(),
                r.get("similarities").asLong(), r.get("validationNdcg").asDouble(), r.get("totalSeconds").asDouble());
    }

    private Record awaitWithProgress(CompletableFuture<Record> run) {
        try (ProgressBar bar = ProgressBar.start("training", 1000); Session s = session()) {
            long shown = 0;
            while (true) {
                try {
                    return run.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    var rows = s.run(PROGRESS).list();
                    if (!rows.isEmpty()) {
                        long now = Math.round(rows.get(0).get("progress").asDouble(0) * 1000);
                        if (now > shown) {
                            bar.advance(now - shown);
                            shown = now;
                        }
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        }
    }

    private Session session() {
        return graph.driver().session(SessionConfig.forDatabase(graph.database()));
    }
}
