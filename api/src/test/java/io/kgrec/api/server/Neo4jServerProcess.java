package io.kgrec.api.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.QueryConfig;

/**
 * A real Neo4j 5.26 Community server in its own process, started from Maven artifacts the way {@code bin/neo4j
 * console} starts it: {@code java -cp plugins/*:<org.neo4j:neo4j runtime jars> org.neo4j.server.CommunityEntryPoint}.
 * The plugins folder holds our plugin jar and GDS: the {@code org.neo4j.gds:proc} and {@code opengds-extension} jars
 * and those of their runtime dependencies that the server does not have ({@link ServerArtifacts} resolves both).
 */
final class Neo4jServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String STARTED = "INFO  Started.";

    private final Path home;
    private final int boltPort;
    private final List<Path> serverClasspath;
    private Process process;

    private Neo4jServerProcess(Path home, int boltPort, List<Path> serverClasspath) {
        this.home = home;
        this.boltPort = boltPort;
        this.serverClasspath = serverClasspath;
    }

    /**
     * Creates a server home with {@code conf/neo4j.conf} (Bolt on a free loopback port, HTTP off, authentication on,
     * GDS and kgrec procedures unrestricted, a small page cache) and a plugins folder with {@code pluginJar} and GDS.
     */
    static Neo4jServerProcess install(Path home, Path pluginJar) throws IOException {
        List<Path> server = ServerArtifacts.serverClasspath();
        List<Path> gds = ServerArtifacts.gdsClasspath();
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(pluginJar, plugins.resolve(pluginJar.getFileName()));
        Set<Path> serverArtifacts = new HashSet<>();
        server.forEach(jar -> serverArtifacts.add(artifactFolder(jar)));
        for (Path jar : gds) {
            // same group and artifact as a server jar (whatever the version): the server's copy wins, as in a
            // real installation, where plugins must not bring their own Neo4j, Jackson or SLF4J
            if (!serverArtifacts.contains(artifactFolder(jar))) {
                Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        int bolt = freePort();
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/neo4j.conf"), """
                server.directories.plugins=%1$s/plugins
                server.directories.data=%1$s/data
                server.directories.logs=%1$s/logs
                server.directories.run=%1$s/run
                server.bolt.enabled=true
                server.bolt.listen_address=127.0.0.1:%2$d
                server.bolt.advertised_address=127.0.0.1:%2$d
                server.http.enabled=false
                server.https.enabled=false
                dbms.security.auth_enabled=true
                dbms.security.procedures.unrestricted=gds.*,kgrec.*
                server.memory.pagecache.size=64m
                internal.dbms.bolt.netty_server_shutdown_quiet_period=0
                """.formatted(home.toAbsolutePath(), bolt));
        return new Neo4jServerProcess(home, bolt, server);
    }

    /** Starts the server and waits until it logs that it has started. */
    void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the server is already running");
        }
        long startedBefore = startedLines();
        List<String> classpath = new ArrayList<>();
        classpath.add(home.resolve("plugins").toAbsolutePath() + "/*");
        serverClasspath.forEach(jar -> classpath.add(jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(ServerArtifacts.java(), "-Xmx512m", "-XX:+UseG1GC",
                "-cp", String.join(File.pathSeparator, classpath),
                "org.neo4j.server.CommunityEntryPoint",
                "--home-dir=" + home.toAbsolutePath(), "--config-dir=" + home.resolve("conf").toAbsolutePath());
        Files.createDirectories(home.resolve("logs"));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                home.resolve("logs/console.log").toFile()));
        process = pb.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (startedLines() <= startedBefore) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the Neo4j server did not start (" + (process.isAlive()
                        ? "timeout" : "exit " + process.exitValue()) + "); end of its log:\n" + logTail());
            }
            Thread.sleep(250);
        }
    }

    /** Sets the initial password, which Neo4j requires before any query when authentication is on. */
    void setInitialPassword(String password) {
        try (Driver driver = GraphDatabase.driver(boltUri(), AuthTokens.basic("neo4j", "neo4j"))) {
            driver.executableQuery("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $password")
                    .withParameters(Map.of("password", password))
                    .withConfig(QueryConfig.builder().withDatabase("system").build())
                    .execute();
        }
    }

    /** A clean stop (SIGTERM, as {@code neo4j stop} sends); waits for the process to end. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the Neo4j server did not stop within 2 minutes");
        }
    }

    /** {@code kill -9}: the process ends at once, without shutting down or flushing anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    long pid() {
        return process.pid();
    }

    String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    String routingUri() {
        return "neo4j://127.0.0.1:" + boltPort;
    }

    /** The server's own log, for assertions on clean shutdowns and recoveries. */
    String log() throws IOException {
        Path log = home.resolve("logs/neo4j.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private long startedLines() throws IOException {
        return log().lines().filter(l -> l.endsWith(STARTED)).count();
    }

    private String logTail() {
        try {
            List<String> lines = new ArrayList<>(log().lines().toList());
            Path console = home.resolve("logs/console.log");
            if (Files.exists(console)) {
                lines.addAll(Files.readAllLines(console));
            }
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code .../groupId-path/artifactId}: a local-repository jar's folder without its version. */
    private static Path artifactFolder(Path jar) {
        return jar.toAbsolutePath().getParent().getParent();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
