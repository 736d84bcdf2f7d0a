package io.kgrec.loader.write;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Runs a write transaction again after transient failures, each attempt given only the time left of one budget, so the
 * write has committed or is rolled back for good when the budget is spent. A caller that answers within a request
 * timeout needs this: with a retry budget longer than the request, a write the caller was told had timed out could
 * still commit afterwards, and a caller that sends it again would record it twice.
 */
public final class WriteDeadline {
    /**
     * Pauses between attempts double from here up to the longest. Five attempts within about 100 ms were not enough: a
     * purchase made while the freshly loaded demo graph was training failed at its fifth deadlock (CI, 2026-12-03).
     */
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 500;
    /** The least time an attempt is begun with: a timeout of zero means none at all to Neo4j. */
    private static final long SHORTEST_ATTEMPT_NANOS = 1_000_000;

    /** One attempt: a whole transaction, begun with at most the time left as its timeout, committed or rolled back. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(Duration timeLeft);
    }

    /** The budget ran out before an attempt committed; nothing of the write remains. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(Duration budget, RuntimeException last) {
            super("the write did not commit within " + budget.toMillis() + " ms (the data it writes stayed locked by "
                    + "other transactions, such as a training run or a load); nothing was written, so sending it again "
                    + "records it once", last);
        }
    }

    private final Duration budget;
    private final Predicate<RuntimeException> worthRetrying;

    /**
     * @param worthRetrying whether a failed attempt may succeed if run again: a deadlock, or a lock wait cut off by the
     *                      attempt's timeout; anything else is thrown at once
     */
    public WriteDeadline(Duration budget, Predicate<RuntimeException> worthRetrying) {
        this.budget = budget;
        this.worthRetrying = worthRetrying;
    }

    /**
     * @throws Exceeded when the budget is spent on attempts that failed in a way worth retrying
     */
    public <T> T run(Attempt<T> attempt) {
        long giveUpAt = System.nanoTime() + budget.toNanos();
        for (long pause = FIRST_PAUSE_MILLIS; ; pause = Math.min(2 * pause, LONGEST_PAUSE_MILLIS)) {
            try {
                return attempt.run(Duration.ofNanos(Math.max(giveUpAt - System.nanoTime(), SHORTEST_ATTEMPT_NANOS)));
            } catch (RuntimeException e) {
                if (!worthRetrying.test(e)) {
                    throw e;
                }
                long left = giveUpAt - System.nanoTime() - SHORTEST_ATTEMPT_NANOS;
                if (left <= 0) {
                    throw new Exceeded(budget, e);
                }
                // jittered, so two transactions that deadlocked do not meet again at once
                sleep(Math.min((long) (pause * 1_000_000 * (0.5 + Math.random())), left));
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }
}
