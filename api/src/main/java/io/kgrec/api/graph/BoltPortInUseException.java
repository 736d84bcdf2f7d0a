package io.kgrec.api.graph;

/** The embedded database cannot listen for Bolt because something else already does on that address. */
public final class BoltPortInUseException extends IllegalStateException {
    private final String address;

    BoltPortInUseException(String address, Throwable cause) {
        super("Bolt address " + address + " is in use", cause);
        this.address = address;
    }

    /** host:port, as KGREC_BOLT_ADDRESS spells it. */
    public String address() {
        return address;
    }

    /** The bind failure somewhere in a start failure's causes, as this exception, or the failure itself. */
    static RuntimeException ifBindFailure(RuntimeException failure, String address) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return new BoltPortInUseException(address, failure);
            }
        }
        return failure;
    }
}
