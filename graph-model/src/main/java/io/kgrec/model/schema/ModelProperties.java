package io.kgrec.model.schema;

/**
 * Property names of trained-model state, shared by the procedure that writes it and the one that reads it.
 */
public final class ModelProperties {
    /** On {@code :Model}: the version, increasing from 1. */
    public static final String VERSION = "version";
    /** On {@code :Model}: true for the one model that serves. */
    public static final String CURRENT = "current";
    /** On {@code :Model}: bumped when an erasure removes state from the model, so serving instances reload it. */
    public static final String REVISION = "revision";
    /** On {@code :Model}: running, ready or failed. */
    public static final String STATUS = "status";
    /** On {@code SIMILAR_TO}: the model version that wrote it; only the current version's relationships are read. */
    public static final String MODEL = "model";
    /**
     * On {@code SIMILAR_TO}: the sum of all family weights, what scoring multiplies by the customer's value. What
     * the knowledge-graph and embedding parts leave of it is the collaborative part (co-engagement: the EASE and
     * random-walk families), which is not stored separately.
     */
    public static final String WEIGHT = "weight";
    /** On {@code SIMILAR_TO}: the knowledge-graph part; it splits into {@link #KG_TERMS}. */
    public static final String KNOWLEDGE_GRAPH = "knowledgeGraph";
    /** On {@code SIMILAR_TO}: the shared attributes behind the knowledge-graph part, encoded by the writer. */
    public static final String KG_VIA = "kgVia";
    /** On {@code SIMILAR_TO}: each shared attribute's term, aligned with {@link #KG_VIA}; they sum to the part. */
    public static final String KG_TERMS = "kgTerms";
    /** On {@code SIMILAR_TO}: the graph-embedding similarity part. */
    public static final String EMBEDDING = "embedding";
    /** On {@code :Item}: the share of customers who had the item when the model was trained (the prior). */
    public static final String POPULARITY = "kgrecPopularity";
    /** On {@code FAVOURS}: the item's share within the segment. */
    public static final String SHARE = "share";

    private ModelProperties() {
    }
}
