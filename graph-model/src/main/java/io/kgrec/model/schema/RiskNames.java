package io.kgrec.model.schema;

/**
 * Names of the anomaly flags that {@code kgrec.anomaly.detect} writes and training reads. A flag is a
 * {@code (:Customer)-[:FLAGGED]->(:Anomaly)} relationship: the anomaly node is the case a reviewer looks at (a push
 * on one item, one customer's burst), the relationship carries that customer's evidence and the review status. When
 * only some of a customer's interactions are suspect (a burst, an implausible quantity), those interaction
 * relationships also carry {@link #INTERACTION_FLAG}, naming the anomaly.
 *
 * <p>Nothing here touches an {@code :Item} by a relationship (a pushed item is named by its id), so the
 * recommender's knowledge-graph walks, which start at items, never meet a flag. Flags are kept off the customer node
 * itself because the API shows a customer's properties to the customer's own frontend.
 */
public final class RiskNames {
    /** One anomaly: a co-ordinated push on an item, or one customer's burst, volume or quantities. */
    public static final String ANOMALY = "Anomaly";
    /** Customer → Anomaly: the customer is part of the anomaly, with evidence and review status. */
    public static final String FLAGGED = "FLAGGED";

    /** On {@code :Anomaly}: unique, {@code <KIND>:<subject id>}, e.g. {@code PUSH_GROUP:1234}. */
    public static final String KEY = "key";
    /** On both: the detector, an {@code AnomalyKind} name (PUSH_GROUP, BURST, VOLUME, QUANTITY). */
    public static final String KIND = "kind";
    /** On both: how anomalous, in robust standard deviations above the population (higher is worse). */
    public static final String SCORE = "score";
    /** On both: one sentence for the reviewer. */
    public static final String SUMMARY = "summary";
    /** On {@code :Anomaly} of a push: the pushed item's id. */
    public static final String TARGET_ITEM = "targetItem";
    /** On {@code :Anomaly}: how many customers it flags. */
    public static final String MEMBERS = "members";
    /** On both: the detection run that last confirmed it (increasing). */
    public static final String RUN = "run";
    /** On both: when it was last detected (a {@code datetime}). */
    public static final String DETECTED_AT = "detectedAt";
    /** On {@code FLAGGED}: {@code customer} (every interaction of the customer is suspect) or {@code interactions}. */
    public static final String SCOPE = "scope";
    /** On {@code FLAGGED}: {@code open}, {@code confirmed} or {@code dismissed}; only dismissed flags train. */
    public static final String STATUS = "status";
    /** On {@code FLAGGED}: the evidence's names, aligned with {@link #EVIDENCE_VALUES}. */
    public static final String EVIDENCE_NAMES = "evidenceNames";
    /** On {@code FLAGGED}: the evidence's values. */
    public static final String EVIDENCE_VALUES = "evidenceValues";
    /** On {@code FLAGGED}: how many of the customer's interactions are flagged (all of them for scope customer). */
    public static final String FLAGGED_INTERACTIONS = "interactions";
    /** On {@code FLAGGED}: who reviewed it, and when ({@code reviewedAt}), once reviewed. */
    public static final String REVIEWED_BY = "reviewedBy";
    public static final String REVIEWED_AT = "reviewedAt";

    /**
     * On an interaction relationship: the key of the anomaly that flags it. Prefixed {@code kgrec} like the rest of
     * kgrec's bookkeeping on loaded data; the loader's writes leave unknown properties alone.
     */
    public static final String INTERACTION_FLAG = "kgrecFlagged";

    public static final String SCOPE_CUSTOMER = "customer";
    public static final String SCOPE_INTERACTIONS = "interactions";
    public static final String STATUS_OPEN = "open";
    public static final String STATUS_CONFIRMED = "confirmed";
    public static final String STATUS_DISMISSED = "dismissed";

    private RiskNames() {
    }

    /** Whether a flag in this review status keeps its customer or interactions out of training. */
    public static boolean excludesFromTraining(String status) {
        return !STATUS_DISMISSED.equals(status);
    }
}
