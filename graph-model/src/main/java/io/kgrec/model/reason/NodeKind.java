package io.kgrec.model.reason;

/** What a node on a reason path stands for. */
public enum NodeKind {
    CUSTOMER,
    ITEM,
    ENTITY,
    /**
     * An anonymous set of other customers, shown only by its size. Collaborative paths go through it so that an
     * explanation never reveals another customer's id.
     */
    CUSTOMER_GROUP,
    /** A coupon (id: its UPC), at the end of an audience path: the coupon applies to the item before it. */
    COUPON,
    /** A campaign (id: its id), at the end of an audience path: the coupon before it is offered in it. */
    CAMPAIGN
}
