package io.kgrec.loader.stage;

/** Thrown by field parsers when a row cannot be loaded; the source catches it and quarantines the row. */
public final class RowRejected extends Exception {
    private final RejectReason reason;

    public RowRejected(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
