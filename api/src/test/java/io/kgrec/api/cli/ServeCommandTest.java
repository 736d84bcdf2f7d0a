package io.kgrec.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.KgrecMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code kgrec serve} turns its options into Spring's arguments and hands Spring properties through as they are. */
class ServeCommandTest {

    @Test
    void hands_spring_properties_it_does_not_know_to_spring() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "9000", "--kgrec.serving.cache.time-to-live=30s", "--no-train",
                "--server.address=127.0.0.1");

        assertThat(serve.springArgs()).containsExactly("--server.port=9000", "--kgrec.train-on-start=false",
                "--kgrec.serving.cache.time-to-live=30s", "--server.address=127.0.0.1");
    }

    @Test
    void refuses_an_argument_that_is_neither_its_option_nor_a_property() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KgrecMain());
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("serve", "--prot", "9000");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("serve does not know '--prot'", "--name=value");
    }
}
