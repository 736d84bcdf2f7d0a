package io.kgrec.cypher.risk;

/**
 * Each customer's suspicion score: the sum over {@link Signal}s of the one-sided robust z-score, each capped at
 * {@link Signal#CAP}. A customer who is unusual in one respect stays below the threshold; an attack profile is
 * usually unusual in several at once (obscure random fillers, deviating ratings, a one-session account).
 *
 * @param z     per customer, per signal (by ordinal), the capped z-score
 * @param score per customer, the sum
 */
public record Suspicion(double[][] z, double[] score) {

    public static Suspicion of(CustomerFeatures features) {
        int customers = features.customers();
        Signal[] signals = Signal.values();
        double[][] z = new double[customers][signals.length];
        double[] score = new double[customers];
        for (Signal s : signals) {
            double[] values = s.values(features);
            RobustScale scale = RobustScale.of(values, s.floor());
            for (int c = 0; c < customers; c++) {
                double raw = s.highIsSuspicious() ? scale.above(values[c]) : scale.below(values[c]);
                z[c][s.ordinal()] = Math.min(Signal.CAP, Math.max(0, raw));
                score[c] += z[c][s.ordinal()];
            }
        }
        return new Suspicion(z, score);
    }

    public double z(int customer, Signal signal) {
        return z[customer][signal.ordinal()];
    }

    public double score(int customer) {
        return score[customer];
    }
}
