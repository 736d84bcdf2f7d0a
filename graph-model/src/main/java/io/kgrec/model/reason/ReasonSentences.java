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

    /** customer -[t]-> known -[SIMILAR_TO]-> item, a similarity the model learned. */
    public static String learned(String customerType, String known, String family, String item) {
        return "You " + verb(customerType) + " " + known + ", and " + item + " is similar to it by " + family + ".";
    }

    /** The past-tense verb for an interaction relationship type; unknown types read as "interacted with". */
    public static String verb(String interactionType) {
        return InteractionType.parse(interactionType).map(InteractionType::verb).orElse("interacted with");
    }
}
