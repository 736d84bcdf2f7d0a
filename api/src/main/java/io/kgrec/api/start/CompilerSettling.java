package io.kgrec.api.start;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Tells when the JVM's just-in-time compilers have gone quiet: when they spent at most a given share of the last window
 * compiling. After a start on two cores the C2 compiler holds a core for about 70 s of traffic (benchmarks.md, "The
 * compiler's first minutes after a start"), and requests served meanwhile wait for it.
 *
 * <p>The JVM adds a compilation's time when it finishes, so a single long compilation in flight looks quiet until it
 * ends; the window is long enough (10 s by default) to hold the longest one seen (3.6 s).
 */
public final class CompilerSettling {
    private record Sample(long nanos, long compileMillis) {
    }

    private final LongSupplier compileMillis;
    private final LongSupplier clock;
    private final long windowNanos;
    private final long quietMillis;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /**
     * @param compileMillis the compilers' total time so far, summed over their threads
     * @param clock         nanoseconds, as {@link System#nanoTime()}
     * @param window        how far back to look
     * @param quietShare    the most of the window the compilers may have spent for it to count as quiet, e.g. 0.1
     */
    CompilerSettling(LongSupplier compileMillis, LongSupplier clock, Duration window, double quietShare) {
        if (window.isNegative() || window.isZero() || quietShare < 0 || quietShare >= 1) {
            throw new IllegalArgumentException("window must be positive and the quiet share in [0, 1), got " + window
                    + " and " + quietShare);
        }
        this.compileMillis = compileMillis;
        this.clock = clock;
        this.windowNanos = window.toNanos();
        this.quietMillis = (long) (window.toMillis() * quietShare);
        sample();
    }

    /** The running JVM's compilers; empty when the JVM does not keep their time, so settling cannot be told. */
    static Optional<CompilerSettling> ofThisJvm(Duration window, double quietShare) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return Optional.empty();
        }
        return Optional.of(new CompilerSettling(compiler::getTotalCompilationTime, System::nanoTime,
                window, quietShare));
    }

    /**
     * Whether the compilers spent at most the quiet share of the last whole window compiling. Each call takes a sample;
     * calling about once a second is enough.
     */
    public boolean settled() {
        Sample now = sample();
        Sample windowStart = samples.peekFirst();
        return now.nanos() - windowStart.nanos() >= windowNanos
                && now.compileMillis() - windowStart.compileMillis() <= quietMillis;
    }

    /** The compilers' total time so far, in milliseconds. */
    public long compileMillis() {
        return compileMillis.getAsLong();
    }

    private Sample sample() {
        Sample now = new Sample(clock.getAsLong(), compileMillis.getAsLong());
        samples.addLast(now);
        // keep as the first sample the newest one that is at least a window old
        Sample first = samples.removeFirst();
        while (!samples.isEmpty() && now.nanos() - samples.peekFirst().nanos() >= windowNanos) {
            first = samples.removeFirst();
        }
        samples.addFirst(first);
        return now;
    }
}
