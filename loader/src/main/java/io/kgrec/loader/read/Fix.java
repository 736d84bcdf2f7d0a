package io.kgrec.loader.read;

/**
 * A cleaning step applied to a row that was still loaded. The load report counts them per file, so what the loader
 * changed is as visible as what it rejected. The codes are stable: reports and tests refer to them.
 */
public enum Fix {
    TEXT_NORMALISED("a value was trimmed, had whitespace collapsed or was put into Unicode NFC"),
    PLACEHOLDER_AS_MISSING("NA, N/A, NULL, None, NaN or \\N was read as a missing value"),
    DATE_CONVERTED("a date or time in a non-ISO format was converted to epoch seconds"),
    QUANTITY_DEFAULTED("a missing quantity was read as 1: the row records one event"),
    TIME_MISSING("the row has no time; it was kept without one"),
    MONEY_MISSING("the row has no money value; it was kept without one"),
    NAME_MISSING("the record has no name; it was kept without one"),
    VALUE_DROPPED("an optional value could not be read; the record was kept without it");

    private final String description;

    Fix(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
