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
    /** Pauses between attempts double from here up to the longest, jittered so two deadlocked writers part. */
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 500;

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
            long left = giveUpAt - System.nanoTime();
            try {
                // at least a millisecond: a timeout of zero means none at all to Neo4j
                return attempt.run(Duration.ofNanos(Math.max(left, 1_000_000)));
            } catch (RuntimeException e) {
                if (!worthRetrying.test(e)) {
                    throw e;
                }
                if (System.nanoTime() + pause * 1_000_000 - giveUpAt >= 0) {
                    throw new Exceeded(budget, e);
                }
            }
            sleepAbout(pause);
        }
    }

    private static void sleepAbout(long millis) {
        try {
            Thread.sleep((long) (millis * (0.5 + Math.random())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }
}
