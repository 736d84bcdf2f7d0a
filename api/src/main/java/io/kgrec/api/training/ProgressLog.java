package io.kgrec.api.training;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A training run in the service's log, without flooding it: one INFO line when a phase starts, then one when the
 * phase has moved on by a tenth and at least 10 s have passed since the last line, and otherwise one a minute so that
 * a long step still shows it is alive. Each line gives the phase, the percentages done and the linear estimate of the
 * time left ({@link ModelStatus#estimatedSecondsLeft()}).
 */
public final class ProgressLog implements TrainingWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private static final long STEP_NANOS = 10_000_000_000L;
    private static final long ALIVE_NANOS = 60_000_000_000L;

    private final LongSupplier clock;
    private final Consumer<String> sink;
    private String phase;
    private double logged;
    private long lastLine;

    public ProgressLog() {
        this(System::nanoTime, LOG::info);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()}; @param sink where the lines go */
    ProgressLog(LongSupplier clock, Consumer<String> sink) {
        this.clock = clock;
        this.sink = sink;
    }

    @Override
    public void seen(ModelStatus status) {
        if (status.trainingVersion() == null || status.phase() == null) {
            return;
        }
        long now = clock.getAsLong();
        double within = status.phaseProgress() == null ? 0 : status.phaseProgress();
        boolean newPhase = !status.phase().equals(phase);
        boolean moved = within - logged >= 0.1 && now - lastLine >= STEP_NANOS;
        if (newPhase || moved || now - lastLine >= ALIVE_NANOS) {
            phase = status.phase();
            logged = within;
            lastLine = now;
            sink.accept(line(status));
        }
    }

    @Override
    public void finished(ModelStatus status) {
    }

    static String line(ModelStatus s) {
        return String.format(Locale.ROOT, "training model %d: %s, %.0f%% of the phase, %.0f%% in all, %s",
                s.trainingVersion(), s.phase(), 100 * orZero(s.phaseProgress()), 100 * orZero(s.progress()),
                s.estimatedSecondsLeft() == null ? "time left not yet known"
                        : "about " + duration(s.estimatedSecondsLeft()) + " left");
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
