package io.kgrec.cypher.privacy;

import io.kgrec.model.schema.PrivacyNames;
import org.neo4j.graphdb.Node;

/** Whether a customer may be profiled: everything that personalises asks here first. */
public final class Consent {
    private Consent() {
    }

    /** {@code true} when the customer opted out of profiling: no history, segment or profile may be used. */
    public static boolean optedOut(Node customer) {
        return Boolean.TRUE.equals(customer.getProperty(PrivacyNames.PROFILING_OPT_OUT, false));
    }
}
