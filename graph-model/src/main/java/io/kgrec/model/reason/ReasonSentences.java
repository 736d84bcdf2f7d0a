package io.kgrec.model.reason;

import io.kgrec.model.schema.InteractionType;
import io.kgrec.model.schema.RelationshipNames;

/**
 * One-sentence explanations for reason paths. Sentences are written from the customer's side ("You bought ...")
 * and mention other customers only as a count.
 */
public final class ReasonSentences {
    private ReasonSentences() {
    }

    /** customer -[t1]-> known ←[t2]- N customers -[t3]-> item. */
    public static String collaborative(String customerType, String known, String otherToKnownType, long customers,
            String otherToItemType, String item) {
        return "You " + verb(customerType) + " " + known + ", and " + customers
                + (customers == 1 ? " customer who " : " customers who ") + verb(otherToKnownType) + " it also "
                + verb(otherToItemType) + " " + item + ".";
    }

    /** customer -[t]-> known -[r]-> entity ←[r]- item. */
    public static String sharedAttribute(String customerType, String known, String entityTypeWords, String entityName,
            String item) {
        return "You " + verb(customerType) + " " + known + "; " + item + " shares its " + entityTypeWords + ", "
                + entityName + ".";
    }

    /** customer -[t]-> known -[r]- item, a direct knowledge-graph link between two items. */
    public static String linkedItem(String customerType, String known, String relationshipType, String item) {
        return "You " + verb(customerType) + " " + known + ", and " + item + " is linked to it by \""
                + RelationshipNames.toWords(relationshipType) + "\".";
    }

    /** customer -[t]-> known -[r]-> target <-[r']- item: both items are linked to the same item. */
    public static String sharedTarget(String customerType, String known, String target, String item) {
        return "You " + verb(customerType) + " " + known + "; like " + item + ", it is linked to " + target + ".";
    }

    /** item ←[t1]- N customers -[t2]→ other item, for similar items. */
    public static String alsoEngaged(long customers, String toItemType, String item, String toOtherType,
            String other) {
        return customers + (customers == 1 ? " customer who " : " customers who ") + verb(toItemType) + " " + item
                + " also " + verb(toOtherType) + " " + other + ".";
    }

    /** item -[r]- node -[r]- other item, for similar items. */
    public static String shareAttribute(String item, String other, String shared) {
        return item + " and " + other + " are both linked to " + shared + ".";
    }

    /** The family of a learned collaborative weight shown without a group: no other customer has both items. */
    public static final String CO_ENGAGEMENT = "co-engagement";

    /** customer -[t]-> known -[SIMILAR_TO]-> item, a similarity the model learned. */
    public static String learned(String customerType, String known, String family, String item) {
        return "You " + verb(customerType) + " " + known + ", and " + item + " is similar to it by " + family + ".";
    }

    /**
     * A sentence of this class told about a customer rather than to them, for the marketer reading an audience:
     * "You bought X, ..." becomes "Customer 1453 bought X, ...". Every sentence here that starts from the customer
     * starts with "You ".
     */
    public static String aboutCustomer(String sentence, String customerId) {
        return sentence.startsWith("You ") ? "Customer " + customerId + sentence.substring(3) : sentence;
    }

    /** customer -[t]-> item: the customer already has the item, told about them. */
    public static String repeat(String customerId, String customerType, String item) {
        return "Customer " + customerId + " already " + verb(customerType) + " " + item + ".";
    }

    /** The hop from an item to the coupon that applies to it, and on to its campaign when there is one. */
    public static String offeredBy(String sentence, String item, String couponUpc, String campaignName) {
        return sentence + " Coupon " + couponUpc + (campaignName == null ? "" : " of " + campaignName)
                + " applies to " + item + ".";
    }

    /** The past-tense verb for an interaction relationship type; unknown types read as "interacted with". */
    public static String verb(String interactionType) {
        return InteractionType.parse(interactionType).map(InteractionType::verb).orElse("interacted with");
    }
}
