package io.kgrec.loader.stage;

/**
 * The merged rows of one interaction in one source file: summed source values, the number of rows, summed spend and
 * the latest time. The weight is computed in the graph from all files' contributions (see the graph writer).
 */
public final class InteractionAggregate {
    private double raw;
    private long count;
    private double spend;
    private boolean hasSpend;
    private Long latest;

    void add(double value, Double spendValue, Long epochSeconds) {
        raw += value;
        count++;
        if (spendValue != null) {
            spend += spendValue;
            hasSpend = true;
        }
        if (epochSeconds != null && (latest == null || epochSeconds > latest)) {
            latest = epochSeconds;
        }
    }

    /** The summed source value: quantity, rating or play count. */
    public double raw() {
        return raw;
    }

    public long count() {
        return count;
    }

    /** Money spent, or {@code null} when the source has no money column. */
    public Double spend() {
        return hasSpend ? spend : null;
    }

    /** Epoch seconds of the latest row, or {@code null} when the source has no time. */
    public Long latest() {
        return latest;
    }

}
