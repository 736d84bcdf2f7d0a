package io.kgrec.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.KgrecMain;
import io.kgrec.api.testing.LoadedApplication;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code kgrec warm} against the running test application, as an operator runs it before switching traffic. */
class WarmCommandIT extends LoadedApplication {
    private static final Pattern SENT = Pattern.compile("sent (\\d+) requests in (\\d+) rounds for (\\d+) customers, "
            + "(\\d+) failed");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int warm(String... args) {
        CommandLine cli = KgrecMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void it_sends_a_page_for_each_customer_and_reports_no_failures_and_the_last_rounds_latency() {
        int code = warm("warm", "--url", "http://127.0.0.1:" + port + "/graphql", "--key", ANALYST,
                "--customers", "3", "--seconds", "0");

        assertThat(code).as(out + "\n" + err).isZero();
        Matcher sent = SENT.matcher(out.toString());
        assertThat(sent.find()).as(out.toString()).isTrue();
        assertThat(Integer.parseInt(sent.group(3))).as("customers").isEqualTo(3);
        assertThat(Integer.parseInt(sent.group(1))).as("the customer list and at least a page per customer")
                .isGreaterThanOrEqualTo(1 + 3);
        assertThat(Integer.parseInt(sent.group(4))).as("failed").isZero();
        assertThat(out.toString()).containsPattern("last round: \\d+ requests, median \\d+ ms, slowest \\d+ ms");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void a_key_that_may_not_list_customers_fails_with_the_services_answer() {
        int code = warm("warm", "--url", "http://127.0.0.1:" + port + "/graphql", "--key", FRONTEND,
                "--seconds", "0");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("could not list customers");
    }

    @Test
    void refuses_a_customer_count_out_of_range_naming_the_option() {
        int code = warm("warm", "--key", ANALYST, "--customers", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--customers must be between 1 and 100, got 0");
    }
}
