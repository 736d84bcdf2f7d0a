package io.kgrec.api.bench;

import java.util.Arrays;

/**
 * Exact latency percentiles from every recorded latency (nanoseconds), by the nearest-rank definition: the p-th
 * percentile is the smallest recorded value with at least p % of the values at or below it. No buckets, so no
 * HdrHistogram-style rounding either.
 */
final class Latencies {
    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    long[] nanos() {
        return sorted.clone();
    }

    int count() {
        return sorted.length;
    }

    /** @param p in (0, 100] */
    double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    double meanMillis() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e6;
    }
}
