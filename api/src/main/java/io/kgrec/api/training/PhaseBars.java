package io.kgrec.api.training;

import io.kgrec.api.training.ModelStatus.PhaseTime;
import io.kgrec.loader.progress.ProgressBar;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One progress bar per training phase, labelled with the phase's name, then a line with the phase's time when it
 * ends. A phase too short to be seen between two reads of the status still gets its line, from the run's list of
 * finished phases, so the output always names every phase the run went through.
 */
public final class PhaseBars implements TrainingWatch {
    private static final int STEPS = 1000;

    private final PrintStream out;
    private final boolean terminal;
    private final Set<String> ended = new HashSet<>();
    private String phase;
    private ProgressBar bar;
    private long shown;

    public PhaseBars(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** On standard error, redrawn in place when it is a terminal. */
    public static PhaseBars onStandardError() {
        return new PhaseBars(System.err, System.console() != null);
    }

    @Override
    public void seen(ModelStatus status) {
        if (status.trainingVersion() == null || status.phase() == null) {
            return;
        }
        end(status.finishedPhases());
        if (ended.contains(status.phase())) {
            return;
        }
        if (!status.phase().equals(phase)) {
            closeBar();
            phase = status.phase();
            bar = ProgressBar.start(phase, STEPS, out, terminal);
            shown = 0;
        }
        long now = Math.round(Math.min(1.0, status.phaseProgress() == null ? 0 : status.phaseProgress()) * STEPS);
        if (now > shown) {
            bar.advance(now - shown);
            shown = now;
        }
    }

    @Override
    public void finished(ModelStatus status) {
        end(status.lastRunPhases());
        closeBar();
    }

    private void end(List<PhaseTime> phases) {
        for (PhaseTime p : phases) {
            if (!ended.add(p.name())) {
                continue;
            }
            if (p.name().equals(phase)) {
                bar.advance(STEPS - shown);
                closeBar();
            }
            out.printf(Locale.ROOT, "%s: done in %.1f s%n", p.name(), p.seconds());
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
            phase = null;
        }
    }
}
