package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.GraphQlClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does: run the packaged application as its own process with no configuration but a data folder,
 * wait for the demo data, paste the README's query, and restart to find the data still there.
 */
class ReadmeQuickstartIT {
    private static final Pattern QUERY = Pattern.compile("<!-- quickstart-query -->\\s*```graphql\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile(
            "<!-- quickstart-headers -->\\s*```json\\n\\{\"X-API-Key\": \"([^\"]+)\"\\}");

    @TempDir
    Path temp;

    private Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_readme_query_returns_ten_explained_recommendations_from_the_demo_data() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String query = match(QUERY, readme, "a ```graphql block after <!-- quickstart-query -->");
        String key = match(KEY, readme, "a ```json X-API-Key header after <!-- quickstart-headers -->");
        int http = freePort();
        int bolt = freePort();

        long started = System.nanoTime();
        app = start(http, bolt, "first-start.log");
        GraphQlClient client = new GraphQlClient(URI.create("http://127.0.0.1:" + http + "/graphql"), key);
        GraphQlClient.Response response = awaitRecommendations(client, query, Duration.ofMinutes(5));
        System.out.printf("first start with demo load answered after %.1f s; process RSS %d MiB%n",
                (System.nanoTime() - started) / 1e9, rssMiB(app.pid()));

        List<Map<String, Object>> edges = response.data("recommendations", "edges");
        assertThat(edges).hasSize(10);
        for (Map<String, Object> edge : edges) {
            Map<String, Object> node = (Map<String, Object>) edge.get("node");
            assertThat((List<?>) node.get("reasons")).as("reasons of %s", node.get("item")).isNotEmpty();
        }

        app.destroy();
        app.waitFor();
        app = start(http, bolt, "second-start.log");
        GraphQlClient.Response again = awaitRecommendations(client, query, Duration.ofMinutes(3));
        assertThat((List<?>) again.data("recommendations", "edges")).hasSize(10);
        assertThat(Files.readString(temp.resolve("second-start.log")))
                .contains("the database has data; the demo data is not loaded");
    }

    private Process start(int http, int bolt, String log) throws IOException {
        Path jar = Path.of("target", "kgrec.jar").toAbsolutePath();
        assertThat(jar).exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(), "serve", "--port", Integer.toString(http));
        pb.environment().put("KGREC_DATA_DIR", temp.resolve("data/neo4j").toString());
        pb.environment().put("KGREC_BOLT_ADDRESS", "127.0.0.1:" + bolt);
        pb.environment().remove("NEO4J_URI");
        pb.redirectErrorStream(true).redirectOutput(temp.resolve(log).toFile());
        return pb.start();
    }

    private GraphQlClient.Response awaitRecommendations(GraphQlClient client, String query, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application process is running").isTrue();
            try {
                GraphQlClient.Response r = client.post(query, Map.of());
                if (r.status() == 200 && r.json().get("errors") == null) {
                    List<?> edges = r.data("recommendations", "edges");
                    if (edges != null && edges.size() == 10) {
                        return r;
                    }
                }
                last = r.text();
            } catch (RuntimeException notUpYet) {
                last = notUpYet.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no 10 recommendations within " + timeout + "; last answer: " + last);
    }

    private static String match(Pattern pattern, String readme, String what) {
        Matcher m = pattern.matcher(readme);
        assertThat(m.find()).as("README.md has " + what).isTrue();
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
