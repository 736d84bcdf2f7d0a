package io.kgrec.api.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.loader.verify.GraphChecksum;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Crash safety of {@code kgrec load}, with real processes: the packaged application loads a dataset into an
 * embedded database and is killed with SIGKILL at random moments while it writes, three times, then run to the end;
 * the graph must equal that of a clean load into another folder, by {@link GraphChecksum}.
 */
@Tag("full")
class LoadCrashIT {
    private static final String WRITING = "writing the graph";

    @TempDir
    Path temp;

    @Test
    void a_load_killed_at_random_moments_while_writing_and_run_again_ends_as_a_clean_load() throws Exception {
        Path dataset = dataset();
        long seed = System.nanoTime();
        Random random = new Random(seed);

        Path clean = temp.resolve("clean/neo4j");
        Run reference = load(dataset, clean, null);
        assertThat(reference.exitCode()).as("clean load; output:%n%s", reference.output()).isZero();
        long writeMillis = reference.writeMillis();

        Path crashed = temp.resolve("crashed/neo4j");
        List<Long> killedAfter = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // A run into a folder that already holds part of the graph writes faster than the clean one, so a delay
            // that let it finish is halved and tried again.
            double window = 0.7;
            Run run;
            long delay;
            do {
                delay = (long) (writeMillis * window * (0.05 + 0.95 * random.nextDouble()));
                run = load(dataset, crashed, delay);
                window /= 2;
            } while (!run.killed() && window > 0.05);
            killedAfter.add(delay);
            assertThat(run.killed()).as("run %d was killed %d ms into writing (seed %d); output:%n%s", i, delay,
                    seed, run.output()).isTrue();
        }
        Run rerun = load(dataset, crashed, null);
        assertThat(rerun.exitCode()).as("run after the kills; output:%n%s", rerun.output()).isZero();

        System.out.printf("killed kgrec load %s ms into writing (seed %d); clean load wrote for %d ms%n", killedAfter,
                seed, writeMillis);
        GraphChecksum.Fingerprint expected = fingerprint(clean);
        assertThat(fingerprint(crashed)).as("killed %s ms into writing (seed %d)", killedAfter, seed)
                .isEqualTo(expected);
        assertThat(expected.relationships()).isGreaterThan(10_000);
    }

    /**
     * A small slice of the bundled CC0 Complete Journey demo: the test fixture's 40 households, their products and
     * transactions, plus the demo's campaign, coupon and redemption files (rows for other products are quarantined).
     */
    private Path dataset() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("dataset"));
        Path fixture = Path.of("src/test/resources/fixtures/cj-small");
        for (String f : List.of("products.csv", "demographics.csv", "transactions_sample.csv")) {
            Files.copy(fixture.resolve(f), folder.resolve(f));
        }
        Path demo = Path.of("src/main/resources/demo/completejourney");
        for (String f : List.of("campaign_descriptions", "campaigns", "coupons", "coupon_redemptions")) {
            Files.copy(demo.resolve(f + ".csv.gz"), folder.resolve(f + ".csv.gz"));
        }
        return folder;
    }

    /** A finished or killed process: how it ended, its output, and how long it wrote before ending. */
    private record Run(int exitCode, boolean killed, String output, long writeMillis) {
    }

    /**
     * Runs {@code kgrec load} as its own process.
     *
     * @param killAfterMillis kill it with SIGKILL this long after it starts writing; {@code null}: let it finish
     */
    private Run load(Path dataset, Path dataDir, Long killAfterMillis) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", Path.of("target", "kgrec.jar").toAbsolutePath().toString(), "load",
                dataset.toString(), "--format", "completejourney",
                "--quarantine", dataDir.resolveSibling("quarantine.tsv").toString());
        pb.environment().put("KGREC_DATA_DIR", dataDir.toString());
        pb.environment().put("KGREC_BOLT_ADDRESS", "127.0.0.1:" + freePort());
        pb.environment().remove("NEO4J_URI");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<Long> writingStarted = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains(WRITING)) {
                        writingStarted.complete(System.nanoTime());
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
            writingStarted.complete(-1L);
        });
        reader.start();
        long started;
        try {
            started = writingStarted.get(5, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            p.destroyForcibly();
            synchronized (output) {
                throw new AssertionError("kgrec load did not start writing within 5 minutes; output:\n" + output, e);
            }
        }
        boolean killed = false;
        if (killAfterMillis != null && started > 0) {
            killed = !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS);
            if (killed) {
                p.destroyForcibly();
            }
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("kgrec load ends").isTrue();
        long writeMillis = started > 0 ? (System.nanoTime() - started) / 1_000_000 : 0;
        reader.join(10_000);
        synchronized (output) {
            return new Run(p.exitValue(), killed, output.toString(), writeMillis);
        }
    }

    private static GraphChecksum.Fingerprint fingerprint(Path dataDir) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .build();
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database("neo4j");
            String bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).toString();
            try (Driver driver = GraphDatabase.driver("bolt://" + bolt, AuthTokens.none())) {
                return GraphChecksum.of(driver, "neo4j");
            }
        } finally {
            dbms.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
