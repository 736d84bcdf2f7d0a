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
    /** One node per applied schema migration, so start-up knows which versions ran. */
    public static final String SCHEMA_MIGRATION = "SchemaMigration";

    private Labels() {
    }
}
