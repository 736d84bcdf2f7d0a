package io.kgrec.model.schema;

import java.util.Set;

/**
 * Relationship types of marketing data: campaigns, coupons and redemptions. They connect customers and items to
 * campaigns and coupons so these can later be recommended and explained, but they are not knowledge-graph facts
 * about items, so the recommender's attribute paths never follow them.
 */
public final class MarketingRelationships {
    /** Customer → Campaign: the customer was targeted by (received) the campaign. */
    public static final String TARGETED_BY = "TARGETED_BY";
    /** Coupon → Campaign: the coupon was offered in the campaign. */
    public static final String OFFERED_IN = "OFFERED_IN";
    /** Coupon → Item: the coupon can be redeemed on the item. */
    public static final String APPLIES_TO = "APPLIES_TO";
    /** Customer → Coupon: the customer redeemed the coupon ({@code count}, {@code timestamp} of the latest). */
    public static final String REDEEMED = "REDEEMED";

    private static final Set<String> ALL = Set.of(TARGETED_BY, OFFERED_IN, APPLIES_TO, REDEEMED);

    private MarketingRelationships() {
    }

    public static boolean isMarketingType(String relationshipType) {
        return ALL.contains(relationshipType);
    }

    public static Set<String> all() {
        return ALL;
    }
}
