package io.kgrec.cypher.model;

/**
 * How a raw interaction weight (rating, quantity, play count) becomes the x_uj that multiplies item–item weights.
 * The same transform is used to learn the weights and to score, so a path's contribution is always x_uj · W_ji.
 */
public enum InteractionTransform {
    /** Every interaction counts 1: the peers' setting, robust when weights are noisy. */
    BINARY {
        @Override
        public double apply(double raw) {
            return 1.0;
        }
    },
    /** 1 + ln(raw): repeated purchases or plays count more, with diminishing returns (raw ≥ 1 stays ≥ 1). */
    LOG {
        @Override
        public double apply(double raw) {
            return 1.0 + Math.log(Math.max(raw, 1.0));
        }
    };

    public abstract double apply(double raw);
}
