package io.kgrec.api.safety;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds how many GraphQL requests run at once. A request that finds every place taken waits at most
 * {@code kgrec.graphql.max-wait} for one, then is answered at once with 503, {@code Retry-After} and an UNAVAILABLE
 * error: under a burst the service answers some requests quickly and tells the rest to come back, instead of starting
 * them all and running out of memory or time for every one. The place is held until the response is complete, also
 * when Spring for GraphQL finishes it asynchronously.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ConcurrencyLimit extends OncePerRequestFilter {
    private final Semaphore places;
    private final Duration maxWait;
    private final AtomicLong shed = new AtomicLong();

    public ConcurrencyLimit(@Value("${kgrec.graphql.max-concurrent:8}") int maxConcurrent,
                            @Value("${kgrec.graphql.max-wait:1s}") Duration maxWait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("kgrec.graphql.max-concurrent must be at least 1, not " + maxConcurrent);
        }
        this.places = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
    }

    /** How many requests were refused since start. */
    public long shed() {
        return shed.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/graphql") || request.getRequestURI().startsWith("/graphiql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acquire()) {
            shed.incrementAndGet();
            refuse(response);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                places.release();
            }
        };
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new ReleaseWhenDone(release));
            } else {
                release.run();
            }
        }
    }

    private boolean acquire() {
        try {
            return places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setContentType("application/json");
        response.getWriter().write("{\"errors\":[{\"message\":\"the service is busy; send the request again in 1 s\","
                + "\"extensions\":{\"code\":\"UNAVAILABLE\",\"retryable\":true,\"retryAfterSeconds\":1}}]}");
    }

    private record ReleaseWhenDone(Runnable release) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
