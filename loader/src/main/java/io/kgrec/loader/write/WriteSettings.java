package io.kgrec.loader.write;

/**
 * How the graph writer batches and parallelises.
 *
 * @param batchSize    rows per transaction
 * @param writers      concurrent sessions; rows are partitioned so two writers never write the same node's rows
 * @param useProcedure write interactions with the plugin's {@code kgrec.load.contribute} when the server has it
 *                     (several times faster than the Cypher statements, which remain the fallback); {@code false}
 *                     always uses the Cypher statements, e.g. to compare the two
 */
public record WriteSettings(int batchSize, int writers, boolean useProcedure) {
    public static final WriteSettings DEFAULT = new WriteSettings(10_000, 1);

    public WriteSettings {
        if (batchSize < 1 || writers < 1) {
            throw new IllegalArgumentException("batch size and writers must be at least 1");
        }
    }

    public WriteSettings(int batchSize, int writers) {
        this(batchSize, writers, true);
    }

    /** The same settings, writing interactions with the Cypher statements even when the procedure is there. */
    public WriteSettings withoutProcedure() {
        return new WriteSettings(batchSize, writers, false);
    }
}
