package io.kgrec.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.LoadedApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code kgrec train} run in-process as picocli runs it, against the test application's embedded database over its
 * Bolt port (as NEO4J_URI points it at a server): its output names each phase of training.
 */
class TrainCommandIT extends LoadedApplication {
    @Test
    void shows_each_phase_of_training_by_name() {
        Map<String, String> env = Map.of("NEO4J_URI", "bolt://" + graph.embedded().orElseThrow().boltAddress());
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new TrainCommand(env::get)).execute();
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }

        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(shown).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("model \\d+ serves: ");
        assertThat(shown).contains("reading the graph: done in ", "tuning on a validation hold-out: done in ",
                "fitting the chosen model: done in ", "writing item similarities: done in ",
                "writing popularity and segments: done in ");
    }
}
