package io.kgrec.cypher.risk;

import io.kgrec.model.schema.RiskNames;

/** The detectors, and what a flag of each kind keeps out of training. */
public enum AnomalyKind {
    /** A group of suspicious customers concentrated on one item they all gave their top value: shilling. */
    PUSH_GROUP(RiskNames.SCOPE_CUSTOMER),
    /** One customer's burst of interactions inside a short window, far beyond what other customers do. */
    BURST(RiskNames.SCOPE_INTERACTIONS),
    /** One customer's implausible number of interactions or source rows. */
    VOLUME(RiskNames.SCOPE_CUSTOMER),
    /** Interactions whose quantity is implausible next to everyone else's for the same item. */
    QUANTITY(RiskNames.SCOPE_INTERACTIONS);

    private final String scope;

    AnomalyKind(String scope) {
        this.scope = scope;
    }

    /** {@code customer}: all the customer's interactions are suspect; {@code interactions}: only the flagged ones. */
    public String scope() {
        return scope;
    }
}
