package io.kgrec.cypher.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.logging.Log;

/**
 * Publishes how far a training run is on its {@code :Model} node: the phase, the fraction of the phase done, the
 * fraction of the run done, and the phases already finished with their seconds. Each write is its own committed
 * transaction (see {@link ModelRegistry}), so other sessions see it while the procedure's own transaction is still
 * open. A phase change is written at once; progress within a phase at most once a second, so that thousands of
 * write batches or tuning steps do not become thousands of transactions.
 */
final class RunProgress {
    private static final long WRITE_EVERY_NANOS = 1_000_000_000L;

    private final ModelRegistry registry;
    private final long version;
    private final Log log;
    private final List<String> finished = new ArrayList<>();
    private final List<Double> finishedSeconds = new ArrayList<>();
    private TrainingPhase phase;
    private long phaseStarted;
    private long lastWrite;

    RunProgress(ModelRegistry registry, long version, Log log) {
        this.registry = registry;
        this.version = version;
        this.log = log;
    }

    /** Ends the current phase, if any, and starts {@code next}. */
    void enter(TrainingPhase next) {
        long now = System.nanoTime();
        closePhase(now);
        phase = next;
        phaseStarted = now;
        log.info("kgrec.train: model %d: %s", version, next.label());
        write(0.0, now);
    }

    /** @param fraction of the current phase done */
    void within(double fraction) {
        long now = System.nanoTime();
        if (now - lastWrite >= WRITE_EVERY_NANOS) {
            write(fraction, now);
        }
    }

    /** Ends the last phase; the finished phases and their seconds, as properties of the ready model. */
    Map<String, Object> finish() {
        closePhase(System.nanoTime());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("phases", finished.toArray(String[]::new));
        p.put("phaseSeconds", finishedSeconds.stream().mapToDouble(Double::doubleValue).toArray());
        return p;
    }

    private void closePhase(long now) {
        if (phase != null) {
            finished.add(phase.label());
            finishedSeconds.add((now - phaseStarted) / 1e9);
            phase = null;
        }
    }

    private void write(double fraction, long now) {
        lastWrite = now;
        double within = Math.max(0.0, Math.min(1.0, fraction));
        registry.progress(version, phase.label(), within, phase.overall(within), List.copyOf(finished),
                finishedSeconds.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
