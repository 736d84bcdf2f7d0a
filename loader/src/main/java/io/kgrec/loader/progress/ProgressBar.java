package io.kgrec.loader.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on standard error for work that takes more than a couple of seconds. Short work prints nothing.
 * On a terminal it redraws one line; in a log (no console) it prints a line every tenth of the way, so CI logs stay
 * readable.
 */
public final class ProgressBar implements AutoCloseable {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long done;
    private long lastDraw;
    private int lastTenth = -1;
    private boolean shown;

    private ProgressBar(String label, long total, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        this.terminal = terminal;
    }

    public static ProgressBar start(String label, long total) {
        return new ProgressBar(label, total, System.err, System.console() != null);
    }

    public static ProgressBar start(String label, long total, PrintStream out, boolean terminal) {
        return new ProgressBar(label, total, out, terminal);
    }

    public synchronized void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS) {
            return;
        }
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS || done >= total) {
                lastDraw = now;
                out.print("\r" + line(now));
                shown = true;
            }
        } else {
            int tenth = (int) Math.min(10, done * 10 / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line(now));
                shown = true;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (shown && terminal) {
            out.print("\r" + line(System.nanoTime()) + System.lineSeparator());
        }
    }

    private String line(long now) {
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        return String.format(Locale.ROOT, "%-14s [%s%s] %3d%% %,d/%,d %,.0f/s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, done / seconds);
    }
}
