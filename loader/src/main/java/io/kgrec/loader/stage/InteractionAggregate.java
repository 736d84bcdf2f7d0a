package io.kgrec.loader.stage;

/**
 * The merged rows of one interaction: summed source values, the number of rows, summed spend and the latest time.
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

    /**
     * The scoring weight: {@code ln(1 + raw)}. Log-scaling keeps a customer who bought 40 cans of cat food from
     * outweighing everything else they bought, while still ranking repeat purchases above one-offs.
     */
    public double weight() {
        return Math.log1p(raw);
    }
}
