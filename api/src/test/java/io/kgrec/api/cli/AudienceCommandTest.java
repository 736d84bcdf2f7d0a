package io.kgrec.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.KgrecMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code kgrec audience} refuses bad options before it opens any database, and its CSV reads back. */
class AudienceCommandTest {
    private record Outcome(int exitCode, String err) {
    }

    private static Outcome audience(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "audience";
            System.arraycopy(args, 0, all, 1, args.length);
            CommandLine cli = new CommandLine(new KgrecMain());
            cli.setErr(new PrintWriter(System.err, true));
            return new Outcome(cli.execute(all), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--top 5 | Missing required argument",
            "--item 1 --coupon 2 | mutually exclusive",
            "--item 1 --top 0 | --top must be between 1 and 100000, got 0",
            "--item 1 --exclude-purchasers maybe | Invalid value for option '--exclude-purchasers'"})
    void refuses_bad_options(String args, String message) {
        Outcome o = audience(args.split(" "));

        assertThat(o.exitCode()).isNotZero();
        assertThat(o.err()).contains(message);
    }

    @Test
    void the_csv_quotes_sentences_with_commas_and_quotes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultFormat.csv.write(new ResultFormat.QueryRows(AudienceCommand.COLUMNS, List.of(
                List.of(1L, "7", 0.5, "Customer 7 bought \"Bread\", and 2 customers who bought it also bought Dates."))),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String csv = bytes.toString(StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("rank,customer_id,score,top_reason\r\n1,7,0.5,\"Customer 7 bought \"\"Bread\"\", "
                + "and 2 customers who bought it also bought Dates.\"\r\n");
        assertThat(AudienceExport.parse(csv).get(1)).containsExactly("1", "7", "0.5",
                "Customer 7 bought \"Bread\", and 2 customers who bought it also bought Dates.");
    }
}
