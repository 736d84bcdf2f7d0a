package io.kgrec.loader.stage;

/** Why a row was quarantined. The codes are stable: reports and tests refer to them. */
public enum RejectReason {
    MALFORMED_LINE("the line cannot be split into fields (an unclosed quote)"),
    WRONG_FIELD_COUNT("the line has more fields than the header, so its values are shifted"),
    MISSING_ID("a required id is empty"),
    BAD_ID("an id is not usable as a key"),
    BAD_NUMBER("a number cannot be parsed"),
    MISSING_VALUE("a value the row cannot do without is empty (e.g. a rating)"),
    NON_POSITIVE_QUANTITY("quantity or weight is zero or negative (a return, cancellation or correction)"),
    CANCELLATION("the row is marked as a return or cancellation"),
    NEGATIVE_AMOUNT("money is negative on a positive quantity"),
    IMPOSSIBLE_RATING("the rating is outside the source's rating scale"),
    BAD_TIMESTAMP("the timestamp cannot be parsed"),
    TIMESTAMP_OUT_OF_RANGE("the timestamp is before 1970 or in the future"),
    UNKNOWN_ITEM("the row refers to an item that is not in the catalogue"),
    UNKNOWN_CUSTOMER("the row refers to a customer that does not exist"),
    UNKNOWN_CAMPAIGN("the row refers to a campaign that is not in the campaign descriptions"),
    UNKNOWN_COUPON("the row refers to a coupon that is not in the coupon file"),
    BAD_DATE_RANGE("the end date is before the start date"),
    BAD_FLAG("a 0/1 flag has another value"),
    CONFLICTING_MAPPING("the item or entity is already mapped to another one"),
    BAD_ENTITY_KEY("a knowledge-graph node is neither a catalogue item nor a <type>:<id> entity"),
    BAD_RELATION("the relation name cannot be a relationship type"),
    UNKNOWN_INTERACTION_TYPE("the interaction type is not one kgrec knows");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
