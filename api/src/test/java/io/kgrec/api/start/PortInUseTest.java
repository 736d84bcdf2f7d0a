package io.kgrec.api.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.KgrecMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import picocli.CommandLine;

/** A taken HTTP or Bolt port stops the start with one line naming the port and the setting that moves it. */
class PortInUseTest {

    @Test
    void a_taken_http_port_is_explained_with_the_port_option() {
        FailureAnalysis analysis = new StartFailureAnalyzer().analyze(
                new BeanCreationException("webServerStartStop", new PortInUseException(8080)));

        assertThat(analysis.getDescription()).isEqualTo("HTTP port 8080 is already in use");
        assertThat(analysis.getAction()).contains("--port");
        assertThat(report(analysis)).hasLineCount(1)
                .startsWith("kgrec cannot start: HTTP port 8080 is already in use;");
    }

    @Test
    void serve_with_a_taken_bolt_port_says_so_in_one_line_and_exits_non_zero(@TempDir Path dir) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new KgrecMain()).execute("serve", "--port", "0", "--no-demo", "--no-train",
                    "--KGREC_DATA_DIR=" + dir.resolve("neo4j"), "--KGREC_BOLT_ADDRESS=127.0.0.1:" + port);
        } finally {
            System.setErr(original);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);

        assertThat(code).as(stderr).isNotZero();
        assertThat(stderr.lines().filter(l -> l.contains("kgrec cannot start"))).as(stderr).containsExactly(
                "kgrec cannot start: Bolt address 127.0.0.1:" + port + " is already in use; stop what listens there "
                        + "(another kgrec or Neo4j?), or set KGREC_BOLT_ADDRESS=127.0.0.1:<port>");
        assertThat(stderr).as(stderr).doesNotContain("\tat ", "APPLICATION FAILED TO START", " WARN ", " ERROR ");
    }

    private static String report(FailureAnalysis analysis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OneLineFailureReport.print(analysis, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
