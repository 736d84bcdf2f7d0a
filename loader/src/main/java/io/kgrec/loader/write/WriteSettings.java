package io.kgrec.loader.write;

/**
 * How the graph writer batches and parallelises.
 *
 * @param batchSize rows per transaction
 * @param writers   concurrent sessions; rows are partitioned so two writers never write the same node's rows
 */
public record WriteSettings(int batchSize, int writers) {
    public static final WriteSettings DEFAULT = new WriteSettings(10_000, 1);

    public WriteSettings {
        if (batchSize < 1 || writers < 1) {
            throw new IllegalArgumentException("batch size and writers must be at least 1");
        }
    }
}
