package io.kgrec.api.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The service's training log lines: one per phase change, then few, with the linear estimate of the time left. */
class ProgressLogTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final ProgressLog log = new ProgressLog(now::get, lines::add);

    private static ModelStatus running(String phase, double phaseProgress, double progress, double elapsed) {
        return new ModelStatus(ModelStatus.ModelState.TRAINING, null, 3L, phase, phaseProgress, progress,
                "2026-12-08T03:00:00Z", elapsed, ModelStatus.secondsLeft(elapsed, progress), List.of(), null, null,
                null, List.of());
    }

    private void at(long seconds, ModelStatus status) {
        now.set(seconds * SECOND);
        log.seen(status);
    }

    @Test
    void logs_each_phase_change_and_otherwise_a_tenth_at_most_every_ten_seconds() {
        at(0, running("reading the graph", 0, 0, 0));
        at(1, running("tuning on a validation hold-out", 0.0, 0.05, 1));
        at(3, running("tuning on a validation hold-out", 0.3, 0.2, 3)); // a tenth on, but only 2 s later
        at(5, running("tuning on a validation hold-out", 0.35, 0.22, 5));
        at(12, running("tuning on a validation hold-out", 0.4, 0.25, 12)); // a tenth on and 11 s later
        at(20, running("tuning on a validation hold-out", 0.45, 0.27, 20)); // less than a tenth
        at(73, running("tuning on a validation hold-out", 0.46, 0.28, 73)); // a minute without a line

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("training model 3: reading the graph, 0% of the phase, 0% in all, "
                + "time left not yet known");
        assertThat(lines.get(2)).isEqualTo("training model 3: tuning on a validation hold-out, 40% of the phase, "
                + "25% in all, about 36 s left");
        assertThat(lines.get(3)).contains("46% of the phase", "about 3 min 08 s left");
    }

    @Test
    void estimates_the_time_left_linearly_from_the_elapsed_time_and_progress() {
        assertThat(ModelStatus.secondsLeft(30.0, 0.25)).isEqualTo(90.0);
        assertThat(ModelStatus.secondsLeft(30.0, 1.0)).isEqualTo(0.0);
        assertThat(ModelStatus.secondsLeft(30.0, 0.0)).isNull();
        assertThat(ModelStatus.secondsLeft(null, 0.5)).isNull();
    }
}
