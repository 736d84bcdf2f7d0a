package io.kgrec.api.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.LoggerFactory;

/** The driver's retry warnings reach the log as one line with the cause's message, without its stack trace. */
class DriverLoggingTest {
    private static final String RETRY_LOGIC = "org.neo4j.driver.internal.retry.ExponentialBackoffRetryLogic";
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void listen() {
        events.start();
        ((Logger) LoggerFactory.getLogger(RETRY_LOGIC)).addAppender(events);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(RETRY_LOGIC)).detachAppender(events);
    }

    @Test
    void a_retry_warning_is_one_line_with_the_causes_message_and_no_stack_trace() {
        // What ExponentialBackoffRetryLogic does before it retries a transaction.
        DriverLogging.oneLineWarnings().getLog(RETRY_LOGIC).warn("Transaction failed and will be retried in 1000ms",
                new SessionExpiredException("Server at 127.0.0.1:7687 is no longer available"));

        assertThat(events.list).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).isEqualTo("Transaction failed and will be retried in 1000ms: "
                    + "org.neo4j.driver.exceptions.SessionExpiredException: Server at 127.0.0.1:7687 is no longer "
                    + "available");
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    @Test
    void an_error_keeps_its_stack_trace_and_a_percent_sign_in_a_message_is_text() {
        var log = DriverLogging.oneLineWarnings().getLog(RETRY_LOGIC);
        log.warn("100% of retries used", new IllegalStateException("gave up"));
        log.error("failed", new IllegalStateException("broken"));

        assertThat(events.list).hasSize(2);
        assertThat(events.list.get(0).getFormattedMessage()).startsWith("100% of retries used: ");
        assertThat(events.list.get(1).getThrowableProxy()).isNotNull();
    }
}
