package io.kgrec.model.reason;

/** The family a reason path belongs to; each family feeds the item's score in its own way. */
public enum PathKind {
    /** customer → item ← N customers → item: other customers engaged with both items. */
    COLLABORATIVE,
    /** customer → item → attribute ← item: the two items share a knowledge-graph attribute. */
    ATTRIBUTE,
    /** customer → item → learned similarity → item, e.g. from graph embeddings. */
    SIMILARITY,
    /**
     * customer → item (← coupon): the customer already has the item a coupon or campaign offers, a repeat purchase.
     * Only audiences have such paths; a recommendation never offers what the customer has.
     */
    REPEAT
}
