package io.kgrec.model.schema;

/**
 * Node labels of the kgrec knowledge graph. Every node kgrec writes carries exactly one of the primary labels
 * {@link #CUSTOMER}, {@link #ITEM} or {@link #ENTITY}; entities also carry a label derived from their type
 * (see {@link EntityType#label()}) so analysts can write {@code MATCH (b:Brand)}.
 */
public final class Labels {
    public static final String CUSTOMER = "Customer";
    public static final String ITEM = "Item";
    public static final String ENTITY = "Entity";
    /** One node per training run: version, parameters, seed, metrics; the one with {@code current = true} serves. */
    public static final String MODEL = "Model";
    /** A group of customers sharing an attribute value, with the items popular in it (the segment prior). */
    public static final String SEGMENT = "Segment";
    /** A marketing campaign (Complete Journey: {@code id}, {@code type}, {@code start}, {@code end}). */
    public static final String CAMPAIGN = "Campaign";
    /** A coupon, keyed by its {@code upc}; it is offered in campaigns and applies to items. */
    public static final String COUPON = "Coupon";
    /**
     * One node per loaded source file ({@code key}, {@code sha256}, row counts): which version of a file the graph's
     * interaction contributions come from, so a re-load can replace exactly its own contribution.
     */
    public static final String SOURCE_FILE = "SourceFile";
    /** One served recommendation list, for the audit log: id, time, customer, items, scores, reasons, model, rules. */
    public static final String SERVED_LIST = "ServedList";
    /** One node per applied schema migration, so start-up knows which versions ran. */
    public static final String SCHEMA_MIGRATION = "SchemaMigration";

    private Labels() {
    }
}
