package io.kgrec.api.safety;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The moment a GraphQL request's time runs out, known to the code that opens database transactions on the request's
 * thread: each transaction is given at most the time the request has left, so Neo4j itself stops a query or procedure
 * when the request's limit is reached, and no new transaction starts after it. Without this, an answer cut off by
 * {@link RequestTimeout} left its work running in the database (an audit ran on for half an hour).
 *
 * <p>Spring for GraphQL runs kgrec's resolvers on the request's own thread, so a thread-local is enough; work on any
 * other thread falls back to the transaction's own timeout.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class RequestDeadline extends OncePerRequestFilter {
    private static final ThreadLocal<Long> ENDS_AT = new ThreadLocal<>();

    private final Duration limit;

    public RequestDeadline() {
        this(QueryLimits.REQUEST_TIMEOUT);
    }

    RequestDeadline(Duration limit) {
        this.limit = limit;
    }

    /** Whether this thread serves a GraphQL request (whose time is limited). */
    public static boolean active() {
        return ENDS_AT.get() != null;
    }

    /**
     * The timeout for a transaction that starts now: the shorter of its own and what the request has left.
     *
     * @throws ApiException TIMEOUT when the request's time is already spent
     */
    public static Duration transactionTimeout(Duration own) {
        Long endsAt = ENDS_AT.get();
        if (endsAt == null) {
            return own;
        }
        long left = endsAt - System.nanoTime();
        if (left <= 0) {
            throw new ApiException(ErrorCode.TIMEOUT, "the request ran out of its "
                    + QueryLimits.REQUEST_TIMEOUT.toSeconds() + " s before its next read; nothing more was started");
        }
        // whole milliseconds: the driver rounds a fractional timeout up itself, and logs that it did, every time
        return own.toNanos() <= left ? own : Duration.ofMillis(Math.max(1, left / 1_000_000));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals("/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Long outer = ENDS_AT.get();
        ENDS_AT.set(System.nanoTime() + limit.toNanos());
        try {
            chain.doFilter(request, response);
        } finally {
            restore(outer);
        }
    }

    private static void restore(Long outer) {
        if (outer == null) {
            ENDS_AT.remove();
        } else {
            ENDS_AT.set(outer);
        }
    }
}
