package io.kgrec.cypher.risk;

/**
 * The per-customer signals a push profile tends to show, each read as a one-sided robust z-score against all
 * customers (how many robust standard deviations the customer lies on the suspicious side of the median).
 */
public enum Signal {
    /** Low mean log popularity of the customer's items: filler items drawn at random are mostly obscure. */
    UNPOPULAR_ITEMS("unpopularItemsZ", 0.05),
    /** High RDMA: ratings that disagree with everyone else's, weighted towards sparsely rated items. */
    RATING_DEVIATION("ratingDeviationZ", 0.001),
    /** Short span between first and last interaction: a new account, or one used once. */
    SHORT_HISTORY("shortHistoryZ", 0.25),
    /** Many interactions inside one window (log scale). */
    BURST("burstZ", 0.25),
    /** Low DegSim: the customer resembles no other customer. */
    UNLIKE_OTHERS("unlikeOthersZ", 0.01);

    /** No single signal may add more than this to the score, so one extreme value cannot make a suspect alone. */
    public static final double CAP = 10.0;

    private final String evidenceName;
    private final double floor;

    Signal(String evidenceName, double floor) {
        this.evidenceName = evidenceName;
        this.floor = floor;
    }

    /** The name under which the signal appears in a flag's evidence. */
    public String evidenceName() {
        return evidenceName;
    }

    /** The smallest spread the robust scale may assume for this feature, in its own units. */
    double floor() {
        return floor;
    }

    /** The raw feature values, per customer, that the signal reads. */
    double[] values(CustomerFeatures f) {
        return switch (this) {
            case UNPOPULAR_ITEMS -> f.meanLogPopularity();
            case RATING_DEVIATION -> f.ratingDeviation();
            case SHORT_HISTORY -> f.logSpan();
            case BURST -> logs(f.burst());
            case UNLIKE_OTHERS -> f.neighbourSimilarity();
        };
    }

    /** Whether high values are the suspicious side. */
    boolean highIsSuspicious() {
        return this == RATING_DEVIATION || this == BURST;
    }

    private static double[] logs(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.log(values[i]);
        }
        return out;
    }
}
