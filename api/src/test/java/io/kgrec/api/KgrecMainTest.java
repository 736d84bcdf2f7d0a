package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.PortInUseException;
import picocli.CommandLine;

/** The bare command line: usage without a command, {@code help}, and a quiet SLF4J. */
class KgrecMainTest {
    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome kgrec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KgrecMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Outcome(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void without_a_command_prints_the_usage_and_exits_with_the_usage_error_code() {
        Outcome o = kgrec();

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("Missing command", "Usage: kgrec", "serve", "load", "help");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void help_lists_the_commands_and_help_with_a_command_describes_it() {
        Outcome all = kgrec("help");
        Outcome serve = kgrec("help", "serve");

        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("serve", "load", "query", "train", "evaluate", "audit", "audience");
        assertThat(serve.exitCode()).isZero();
        assertThat(serve.out()).contains("Usage: kgrec serve", "--no-demo", "--no-train", "--name=value");
    }

    @Test
    void a_command_failing_on_a_taken_port_says_so_in_one_line_and_exits_with_1() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cli = KgrecMain.commandLine();
        cli.setErr(new PrintWriter(err, true));
        IllegalStateException unexplained = new IllegalStateException("something else");

        int code = cli.getExecutionExceptionHandler().handleExecutionException(
                new IllegalStateException("cannot open the graph", new PortInUseException(7474)), cli, null);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("kgrec cannot start: HTTP port 7474 is already in use; stop what listens "
                + "there, or choose another port with kgrec serve --port <port>" + System.lineSeparator());
        assertThatThrownBy(() -> cli.getExecutionExceptionHandler().handleExecutionException(unexplained, cli, null))
                .isSameAs(unexplained);
    }

    @Test
    void slf4j_reports_nothing_on_stderr_when_it_starts() throws Exception {
        String provider = System.getProperty("slf4j.provider");
        String verbosity = System.getProperty("slf4j.internal.verbosity");
        try {
            // Without the lowered verbosity SLF4J announces the named provider: the line this guards against.
            System.clearProperty("slf4j.internal.verbosity");
            System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
            assertThat(stderrOfAFreshSlf4j()).contains("SLF4J(I)");

            KgrecMain.quietSlf4j();

            assertThat(stderrOfAFreshSlf4j()).doesNotContain("SLF4J");
        } finally {
            restore("slf4j.provider", provider);
            restore("slf4j.internal.verbosity", verbosity);
        }
    }

    /** SLF4J reads its settings once per class loader, so each look is through a class loader of its own. */
    private static String stderrOfAFreshSlf4j() throws Exception {
        URL[] jars = {jar(org.slf4j.LoggerFactory.class), jar(ch.qos.logback.classic.Logger.class),
                jar(ch.qos.logback.core.Appender.class)};
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (URLClassLoader fresh = new URLClassLoader(jars, ClassLoader.getPlatformClassLoader())) {
            Class.forName("org.slf4j.LoggerFactory", true, fresh).getMethod("getLogger", String.class)
                    .invoke(null, "kgrec");
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    private static URL jar(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
