package io.kgrec.model.reason;

/** The family a reason path belongs to; each family feeds the item's score in its own way. */
public enum PathKind {
    /** customer → item ← N customers → item: other customers engaged with both items. */
    COLLABORATIVE,
    /** customer → item → attribute ← item: the two items share a knowledge-graph attribute. */
    ATTRIBUTE,
    /** customer → item → learned similarity → item, e.g. from graph embeddings. */
    SIMILARITY
}
