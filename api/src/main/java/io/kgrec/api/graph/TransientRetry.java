package io.kgrec.api.graph;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.error.ErrorCode;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Runs a whole transaction again after a {@linkplain TransientFailures transient failure}, such as a read that met
 * data a training run rewrote under it, with jittered, growing pauses. A failure that is still transient when the
 * budget is spent becomes {@link ErrorCode#UNAVAILABLE}: the caller's request was fine and may be sent again later.
 *
 * <p>The budget stays well inside a request's time limit, so a retried read never outlives the request that needs it.
 */
public final class TransientRetry {
    private static final Logger LOG = LoggerFactory.getLogger(TransientRetry.class);
    /** How long the caller is told to wait before sending the request again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final RetryTemplate TEMPLATE = template();

    private TransientRetry() {
    }

    /** The result of {@code work}, which is a whole transaction and may therefore run more than once. */
    public static <T> T run(String what, Supplier<T> work) {
        try {
            return TEMPLATE.execute(new Named<>(what, work));
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            if (TransientFailures.isTransient(last)) {
                throw new ApiException(ErrorCode.UNAVAILABLE, what + " is briefly unavailable (" + firstLine(last)
                        + "); nothing was changed, send the request again in " + RETRY_AFTER.toSeconds() + " s");
            }
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }

    private static RetryTemplate template() {
        RetryTemplate template = new RetryTemplate(RetryPolicy.builder()
                .predicate(TransientFailures::isTransient)
                .maxRetries(8)
                .delay(Duration.ofMillis(20))
                .multiplier(2)
                .jitter(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(800))
                .timeout(Duration.ofSeconds(4))
                .build());
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                // one line, no stack trace: a retried transient failure is routine while a model trains
                LOG.warn("retrying {} after a transient failure (attempt {}): {}", retryable.getName(),
                        state.getRetryCount() + 1, firstLine(state.getLastException()));
            }
        });
        return template;
    }

    private static String firstLine(Throwable t) {
        String message = t == null || t.getMessage() == null ? String.valueOf(t) : t.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private record Named<T>(String name, Supplier<T> work) implements Retryable<T> {
        @Override
        public T execute() {
            return work.get();
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
