package io.kgrec.api.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.training.ModelStatus.PhaseTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One bar per phase, and a line for every phase the run went through, even those too short to be seen running. */
class PhaseBarsTest {
    private static ModelStatus running(String phase, double phaseProgress, List<PhaseTime> finished) {
        return new ModelStatus(ModelStatus.ModelState.TRAINING, null, 1L, phase, phaseProgress, 0.5, null, 1.0, 1.0,
                finished, null, null, null, List.of());
    }

    @Test
    void names_every_phase_once_in_order_including_those_never_seen_running() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PhaseBars bars = new PhaseBars(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        PhaseTime reading = new PhaseTime("reading the graph", 0.4);
        PhaseTime tuning = new PhaseTime("tuning", 2.0);
        PhaseTime writing = new PhaseTime("writing", 1.5);

        bars.seen(running("tuning", 0.2, List.of(reading)));
        bars.seen(running("tuning", 0.9, List.of(reading)));
        bars.seen(running("writing", 0.5, List.of(reading, tuning)));
        bars.finished(new ModelStatus(ModelStatus.ModelState.SERVING, 1L, null, null, null, null, null, null, null,
                List.of(), 1L, 3.9, null, List.of(reading, tuning, writing)));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "reading the graph: done in 0.4 s", "tuning: done in 2.0 s", "writing: done in 1.5 s");
    }
}
