package io.kgrec.api.graph;

import java.util.Set;
import java.util.regex.Pattern;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * Which failures of a read or write may succeed if the same transaction runs again: Neo4j's transient errors
 * (a read of data that a concurrent writer such as a training run changed under it, a deadlock, a lock wait) and a
 * lost connection. A {@code kgrec.*} procedure that meets one reports it wrapped as a client error
 * ("Failed to invoke procedure"), so the whole chain of causes and the message are read, not just the outer status.
 *
 * <p>A transaction cut off by its own timeout or terminated by an operator is not transient here: running it again
 * would only spend the request's time a second time.
 */
public final class TransientFailures {
    private static final String TRANSIENT_PREFIX = "Neo.TransientError.";
    /** Transient by Neo4j's classification, but a deliberate stop of this very transaction. */
    private static final Set<String> STOPPED = Set.of("Neo.TransientError.Transaction.Terminated",
            "Neo.TransientError.Transaction.LockClientStopped");
    /**
     * How an in-process failure names itself inside a procedure's wrapped message: TransientFailureException or
     * TransientTransactionFailureException.
     */
    private static final Pattern IN_PROCESS_NAME = Pattern.compile("Transient(Transaction)?FailureException");

    private TransientFailures() {
    }

    /** Whether Neo4j stopped the transaction at the timeout it was given (the request's time left, or its own). */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String status = status(t);
            if (status != null && status.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
                return true;
            }
        }
        return false;
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
                return true;
            }
            String status = status(t);
            if (status != null && STOPPED.contains(status)) {
                return false;
            }
            if (t instanceof TransientFailureException || (status != null && status.startsWith(TRANSIENT_PREFIX))) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains(TRANSIENT_PREFIX) || IN_PROCESS_NAME.matcher(message).find())
                    && STOPPED.stream().noneMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    /** Neo4j's status code of one exception (not its causes), from the driver or in-process; null when it has none. */
    public static String status(Throwable t) {
        if (t instanceof Neo4jException e) {
            return e.code();
        }
        if (t instanceof QueryExecutionException e) {
            return e.getStatusCode();
        }
        return t instanceof Status.HasStatus s ? s.status().code().serialize() : null;
    }
}
