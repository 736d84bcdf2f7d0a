package io.kgrec.api.start;

/** The service refuses to start as configured; the message says why and {@link #action()} what to change. */
public final class StartRefused extends IllegalStateException {
    private final String action;

    public StartRefused(String reason, String action) {
        super(reason);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
