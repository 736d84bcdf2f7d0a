package io.kgrec.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.LoadedApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code kgrec query} against the running application's Bolt port refuses a parameter that names a customer property
 * or entity type the graph does not have, with a non-zero exit and the known names, rather than run the query.
 */
class QueryNamesIT extends LoadedApplication {
    private record Outcome(int exitCode, String out, String err) {
    }

    private Outcome query(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            QueryCommand command = new QueryCommand();
            Map<String, String> env = Map.of("NEO4J_URI", "bolt://" + graph.embedded().orElseThrow().boltAddress());
            command.environment = env::get;
            int code = new CommandLine(command).execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "top-items-per-segment | segmentBy=income_desc | unknown customer property 'income_desc' in parameter "
                    + "segmentBy; known: | household_comp, household_size, income",
            "attribute-affinity | entityType=colour | unknown entity type 'colour' in parameter entityType; known: "
                    + "brand, department | product_category"})
    void refuses_a_name_the_graph_does_not_hold(String name, String parameter, String message, String known) {
        Outcome o = query(name, "--param", parameter, "--format", "csv");

        assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains(message).contains(known);
        assertThat(o.out()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void runs_with_a_name_the_graph_holds() {
        Outcome o = query("top-items-per-segment", "--param", "segmentBy=income", "--param", "topK=1", "--format",
                "csv");

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("segment,").contains("50-74K");
    }
}
