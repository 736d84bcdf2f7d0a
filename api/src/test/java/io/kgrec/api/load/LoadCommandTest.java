package io.kgrec.api.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.KgrecMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code kgrec load} refuses bad options and sources before it opens any database. */
class LoadCommandTest {
    @TempDir
    Path temp;

    private record Outcome(int exitCode, String err) {
    }

    private Outcome load(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "load";
            System.arraycopy(args, 0, all, 1, args.length);
            CommandLine cli = new CommandLine(new KgrecMain());
            cli.setErr(new PrintWriter(System.err, true));
            return new Outcome(cli.execute(all), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void a_mapping_load_needs_a_mapping_file() {
        Outcome o = load(temp.toString(), "--format", "mapping");

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("load stopped, nothing was written: --format mapping needs --mapping <file.json>");
    }

    @Test
    void an_invalid_mapping_stops_the_load_naming_the_file_and_key() throws IOException {
        Path mapping = temp.resolve("m.json");
        Files.writeString(mapping, "{\"files\": [{\"path\": \"a.csv\"}]}");

        Outcome o = load(temp.toString(), "--format", "mapping", "--mapping", mapping.toString());

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains(mapping + ": files[0] must have exactly one of items, customers, interactions, facts");
    }

    @ParameterizedTest
    @CsvSource({"--format, xml, Invalid value for option '--format'",
            "--encoding, klingon, Invalid value for option '--encoding'",
            "--interaction-type, BOUGHT, Invalid value for option '--interaction-type'"})
    void rejects_unknown_option_values(String option, String value, String message) {
        Outcome o = load(temp.toString(), option, value);

        assertThat(o.exitCode()).isNotZero();
        assertThat(o.err()).contains(message);
    }
}
