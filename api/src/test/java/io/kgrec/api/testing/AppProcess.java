package io.kgrec.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The packaged application ({@code target/kgrec.jar}) run as its own process on an embedded database in a folder, as
 * a user runs it: for tests that start, kill and restart it.
 */
public final class AppProcess implements AutoCloseable {
    /** The JVM options of the README's serve command, read from the README, so the tests start what it says. */
    public static final List<String> README_JVM_OPTIONS = ReadmeQuickstart.jvmOptions();

    private final Process process;
    private final Path log;
    private final int http;

    private AppProcess(Process process, Path log, int http) {
        this.process = process;
        this.log = log;
        this.http = http;
    }

    /**
     * Runs {@code kgrec <arguments>} with the data folder and Bolt port set, output to {@code log}.
     *
     * @param http the HTTP port the arguments choose (0 when the command serves nothing)
     */
    public static AppProcess start(Path dataDir, int bolt, int http, Path log, String... arguments) throws IOException {
        return start(dataDir, bolt, http, log, List.of(), arguments);
    }

    /** As {@link #start(Path, int, int, Path, String...)}, with JVM options after the README's own. */
    public static AppProcess start(Path dataDir, int bolt, int http, Path log, List<String> jvmOptions,
            String... arguments) throws IOException {
        Path jar = Path.of("target", "kgrec.jar").toAbsolutePath();
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(README_JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("KGREC_DATA_DIR", dataDir.toString());
        pb.environment().put("KGREC_BOLT_ADDRESS", "127.0.0.1:" + bolt);
        pb.environment().remove("NEO4J_URI");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new AppProcess(pb.start(), log, http);
    }

    /** Runs a command to its end and returns its exit code. */
    public static int run(Path dataDir, int bolt, Path log, Duration timeout, String... arguments) throws Exception {
        try (AppProcess p = start(dataDir, bolt, 0, log, arguments)) {
            assertThat(p.process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                    .as("kgrec %s finished within %s; log: %s", List.of(arguments), timeout, p.log()).isTrue();
            return p.process.exitValue();
        }
    }

    public GraphQlClient client(String apiKey) {
        return new GraphQlClient(URI.create("http://127.0.0.1:" + http + "/graphql"), apiKey);
    }

    /** Polls a query until the answer satisfies {@code ready}. */
    public GraphQlClient.Response await(GraphQlClient client, String query, Map<String, Object> variables,
            Predicate<GraphQlClient.Response> ready, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the application process is running; log: %s", log()).isTrue();
            try {
                GraphQlClient.Response r = client.post(query, variables);
                if (r.status() == 200 && ready.test(r)) {
                    return r;
                }
                last = r.text();
            } catch (RuntimeException notUpYet) {
                last = notUpYet.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no ready answer within " + timeout + "; last answer: " + last);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
