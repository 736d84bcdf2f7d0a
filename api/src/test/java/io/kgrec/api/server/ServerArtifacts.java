package io.kgrec.api.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What an external-server test needs from the build: the kgrec jars, and the runtime classpaths of a Neo4j server
 * and of GDS. The build passes its settings as system properties (see the failsafe configuration in
 * {@code api/pom.xml}). The classpaths come from a nested {@code mvn dependency:build-classpath} on a throw-away pom
 * per artifact, so that each gets its own dependency mediation (the api module's Spring Boot BOM would change
 * Neo4j's versions), through the same Maven, settings and local repository as the build itself. They are kept in
 * {@code target/external-neo4j/}, so only the first run pays the few seconds this takes.
 */
final class ServerArtifacts {
    private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>io.kgrec.test</groupId>
              <artifactId>%1$s-classpath</artifactId>
              <version>1</version>
              <packaging>pom</packaging>
              <dependencies>
            %2$s
              </dependencies>
            </project>
            """;
    private static final String DEPENDENCY = """
                <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>
            """;

    private ServerArtifacts() {
    }

    /** {@code org.neo4j:neo4j} and its runtime dependencies: what a server's {@code lib/} folder holds. */
    static List<Path> serverClasspath() throws IOException {
        String version = setting("kgrec.neo4jVersion");
        return classpath("neo4j-" + version, List.of("org.neo4j:neo4j:" + version));
    }

    /** GDS ({@code proc} and {@code opengds-extension}) and its runtime dependencies. */
    static List<Path> gdsClasspath() throws IOException {
        String version = setting("kgrec.gdsVersion");
        return classpath("gds-" + version, List.of("org.neo4j.gds:proc:" + version,
                "org.neo4j.gds:opengds-extension:" + version));
    }

    /** {@code cypher/target/kgrec-cypher-<version>-plugin.jar}, built by the cypher module's shade plugin. */
    static Path pluginJar() {
        return existing("kgrec.pluginJar", "the cypher module's plugin jar (mvn package it first)");
    }

    /** {@code api/target/kgrec.jar}. */
    static Path kgrecJar() {
        return existing("kgrec.jar", "the application jar (mvn package it first)");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<Path> classpath(String name, List<String> coordinates) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "external-neo4j", name).toAbsolutePath());
        Path file = folder.resolve("classpath.txt");
        if (Files.exists(file)) {
            List<Path> cached = parse(Files.readString(file));
            if (cached.stream().allMatch(Files::isRegularFile)) {
                return cached;
            }
        }
        StringBuilder dependencies = new StringBuilder();
        for (String c : coordinates) {
            String[] gav = c.split(":");
            dependencies.append(DEPENDENCY.formatted(gav[0], gav[1], gav[2]));
        }
        Path pom = folder.resolve("pom.xml");
        Files.writeString(pom, POM.formatted(name, dependencies.toString().stripTrailing()));
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-f", pom.toString(),
                DEPENDENCY_PLUGIN + ":build-classpath", "-Dmdep.includeScope=runtime",
                "-Dmdep.outputFile=" + file));
        String repository = System.getProperty("kgrec.mavenRepository", "");
        if (!repository.isBlank() && !repository.startsWith("${")) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        if (System.getProperty("kgrec.mavenOffline", "").equals("offline=true")) {
            command.add("-o");
        }
        Path log = folder.resolve("mvn.log");
        Process mvn = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
                mvn.destroyForcibly();
                throw new IllegalStateException("resolving " + coordinates + " failed: " + String.join(" ", command)
                        + "\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return parse(Files.readString(file));
    }

    private static List<Path> parse(String classpath) {
        return Arrays.stream(classpath.strip().split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** The build's own Maven, else {@code mvn} on the PATH (when a test runs from an IDE). */
    private static String maven() {
        String home = System.getProperty("kgrec.mavenHome", "");
        if (!home.isBlank() && !home.startsWith("${")) {
            Path mvn = Path.of(home, "bin", "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn.toString();
            }
        }
        return "mvn";
    }

    private static String setting(String property) {
        String value = System.getProperty(property, "");
        if (value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + property + " is not set; the api module's "
                    + "failsafe configuration sets it (run with mvn verify)");
        }
        return value;
    }

    private static Path existing(String property, String what) {
        Path path = Path.of(setting(property)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(what + " does not exist: " + path);
        }
        return path;
    }
}
