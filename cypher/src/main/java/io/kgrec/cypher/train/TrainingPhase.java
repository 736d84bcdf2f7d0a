package io.kgrec.cypher.train;

/**
 * The named phases of a {@code kgrec.train} run, in order, each with the share of the whole run it is counted as.
 * The shares are rough weights from runs on the benchmark datasets (tuning dominates), not measurements of this run:
 * the overall progress, and any estimate of the time left drawn from it, is only as even as they are.
 */
enum TrainingPhase {
    READING("reading the graph", 0.00, 0.05),
    TUNING("tuning on a validation hold-out", 0.05, 0.60),
    FITTING("fitting the chosen model", 0.60, 0.70),
    WRITING_SIMILARITIES("writing item similarities", 0.70, 0.95),
    WRITING_PRIORS("writing popularity and segments", 0.95, 1.00);

    private final String label;
    private final double from;
    private final double to;

    TrainingPhase(String label, double from, double to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    /** What the model node's {@code phase} says while this phase runs. */
    String label() {
        return label;
    }

    /** The whole run's progress when this phase is {@code fraction} done. */
    double overall(double fraction) {
        return from + (to - from) * Math.max(0.0, Math.min(1.0, fraction));
    }
}
