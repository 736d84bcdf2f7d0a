package io.kgrec.model.schema;

/**
 * Property names of interaction relationships ({@code PURCHASED}, {@code RATED}, ...). The totals are what readers
 * use; {@code sources} and the {@code source*} arrays are the loader's bookkeeping: one entry per source file that
 * contributed, sorted by source key, so that re-loading a file replaces its own entry and a new file adds one, and the
 * totals are recomputed from the entries. The per-entry arrays are stored only when two or more files contribute;
 * with one, the totals are its values.
 */
public final class InteractionProperties {
    /** The normalised, positive strength: ln(1 + raw) for amounts, ln(1 + raw / count) for ratings. */
    public static final String WEIGHT = "weight";
    /** The summed source value over all contributions: quantity, rating or play count. */
    public static final String RAW = "raw";
    /** How many source rows were merged into the relationship, over all contributions. */
    public static final String COUNT = "count";
    /** Summed money, absent when no contributing source has money. */
    public static final String SPEND = "spend";
    /** Epoch seconds of the latest row, absent when no contributing source has times. */
    public static final String TIMESTAMP = "timestamp";
    /** The contributing source files' keys ({@code <folder>/<file name>}), sorted. */
    public static final String SOURCES = "sources";
    /** Per contributing source, aligned with {@link #SOURCES}: its summed value. */
    public static final String SOURCE_RAW = "sourceRaw";
    /** Per contributing source: its number of rows. */
    public static final String SOURCE_COUNT = "sourceCount";
    /**
     * Per contributing source: its money, or -1 when the source has none (money is never negative); absent when no
     * contributing source has money.
     */
    public static final String SOURCE_SPEND = "sourceSpend";
    /**
     * Per contributing source: its latest epoch second, or -1 when the source has no time (times are ≥ 0); absent
     * when no contributing source has times.
     */
    public static final String SOURCE_TIMESTAMP = "sourceTimestamp";

    private InteractionProperties() {
    }
}
