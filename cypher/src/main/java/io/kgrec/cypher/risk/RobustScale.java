package io.kgrec.cypher.risk;

import java.util.Arrays;

/**
 * Where a population's values sit and how far they spread, measured so that the few anomalies being looked for do
 * not move the yardstick: the median, and the median absolute deviation scaled to a normal standard deviation
 * (1.4826 · MAD). Only when more than half the values are equal, and the MAD is 0, does the mean absolute
 * deviation (scaled by 1.2533, its normal-consistency factor) stand in: it is not robust, a single huge value inflates
 * it and so hides itself. A floor keeps a near-constant feature from turning tiny differences into huge scores.
 * NaN values (a feature a customer does not have) are ignored.
 *
 * @param median the middle value
 * @param scale  the robust standard deviation, never below the floor; 0 when no value is known
 */
public record RobustScale(double median, double scale) {

    public static RobustScale of(double[] values, double floor) {
        double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (known.length == 0) {
            return new RobustScale(Double.NaN, 0);
        }
        double median = median(known);
        double[] deviations = new double[known.length];
        double sum = 0;
        for (int i = 0; i < known.length; i++) {
            deviations[i] = Math.abs(known[i] - median);
            sum += deviations[i];
        }
        Arrays.sort(deviations);
        double mad = 1.4826 * median(deviations);
        double meanDeviation = 1.2533 * sum / known.length;
        return new RobustScale(median, Math.max(floor, mad > 0 ? mad : meanDeviation));
    }

    /** How many robust standard deviations {@code value} lies above the median; 0 for NaN or no spread. */
    public double above(double value) {
        return Double.isNaN(value) || scale == 0 ? 0 : (value - median) / scale;
    }

    /** How many robust standard deviations {@code value} lies below the median; 0 for NaN or no spread. */
    public double below(double value) {
        return -above(value);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
