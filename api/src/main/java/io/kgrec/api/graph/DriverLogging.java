package io.kgrec.api.graph;

import org.neo4j.driver.Logger;
import org.neo4j.driver.Logging;

/**
 * The driver's logs through SLF4J, with its warnings in one line each. The driver warns with the whole exception when
 * it retries a transaction (a leader switch, a deadlock, a restart); a retry is expected and handled, so its cause's
 * message is enough, and dozens of stack frames per retry would bury the log. Errors keep their stack traces.
 */
final class DriverLogging implements Logging {
    private static final long serialVersionUID = 1L;

    private final Logging delegate;

    private DriverLogging(Logging delegate) {
        this.delegate = delegate;
    }

    static Logging oneLineWarnings() {
        return new DriverLogging(Logging.slf4j());
    }

    @Override
    public Logger getLog(String name) {
        Logger log = delegate.getLog(name);
        return new Logger() {
            @Override
            public void warn(String message, Throwable cause) {
                // The driver formats with String.format: the text goes in as a parameter, never as the format.
                log.warn("%s", cause == null ? message : message + ": " + cause);
            }

            @Override
            public void error(String message, Throwable cause) {
                log.error(message, cause);
            }

            @Override
            public void info(String format, Object... params) {
                log.info(format, params);
            }

            @Override
            public void warn(String format, Object... params) {
                log.warn(format, params);
            }

            @Override
            public void debug(String format, Object... params) {
                log.debug(format, params);
            }

            @Override
            public void debug(String message, Throwable cause) {
                log.debug(message, cause);
            }

            @Override
            public void trace(String format, Object... params) {
                log.trace(format, params);
            }

            @Override
            public boolean isTraceEnabled() {
                return log.isTraceEnabled();
            }

            @Override
            public boolean isDebugEnabled() {
                return log.isDebugEnabled();
            }
        };
    }
}
