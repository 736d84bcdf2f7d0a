package io.kgrec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.AppProcess;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.ReadmeQuickstart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does: run the packaged application as its own process with no configuration but a data folder,
 * wait for the demo data, paste the README's query, record a purchase, and find everything still there after the
 * process is killed with SIGKILL and started again.
 */
@Tag("full")
class ReadmeQuickstartIT {
    private static final Pattern KEY = Pattern.compile("^\\{\"X-API-Key\": \"([^\"]+)\"\\}\\s*$");
    private static final String RECORD = """
            mutation ($item: ID!) { recordInteraction(customerId: "1453", itemId: $item, type: PURCHASED) { count } }
            """;
    private static final String HISTORY = """
            { customer(id: "1453") { interactions(first: 100) { edges { node { item { id } } } } } }
            """;

    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void the_readme_query_returns_ten_explained_recommendations_and_acknowledged_feedback_survives_a_kill() throws Exception {
        String query = ReadmeQuickstart.query();
        String key = match(KEY, ReadmeQuickstart.headersJson(), "an X-API-Key header as its quick-start header");
        Path data = temp.resolve("data/neo4j");
        int http = AppProcess.freePort();
        int bolt = AppProcess.freePort();
        List<String> purchased;

        long started = System.nanoTime();
        try (AppProcess app = AppProcess.start(data, bolt, http, temp.resolve("first-start.log"), "serve", "--port",
                Integer.toString(http))) {
            GraphQlClient client = app.client(key);
            // While the demo data loads, a customer whose purchases are not in yet gets the popular items, which
            // have no paths; the README's promise is about the loaded service.
            GraphQlClient.Response response = app.await(client, query, Map.of(),
                    r -> tenRecommendations(r) && loaded(app), Duration.ofMinutes(5));
            System.out.printf("first start with demo load answered after %.1f s; process RSS %d MiB%n",
                    (System.nanoTime() - started) / 1e9, rssMiB(app.pid()));
            List<Map<String, Object>> edges = response.data("recommendations", "edges");
            for (Map<String, Object> edge : edges) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                assertThat((List<?>) node.get("reasons")).as("reasons of %s", node.get("item")).isNotEmpty();
            }
            purchased = edges.subList(0, 2).stream()
                    .map(e -> (String) ((Map<String, Object>) ((Map<String, Object>) e.get("node")).get("item")).get("id"))
                    .toList();
            for (String item : purchased) {
                GraphQlClient.Response ack = client.post(RECORD, Map.of("item", item));
                assertThat(ack.json()).as("%s%napplication log:%n%s", ack.text(), tail(app.log()))
                        .doesNotContainKey("errors");
            }
            app.kill();
        }

        try (AppProcess again = AppProcess.start(data, bolt, http, temp.resolve("second-start.log"), "serve",
                "--port", Integer.toString(http))) {
            GraphQlClient client = again.client(key);
            GraphQlClient.Response response = again.await(client, query, Map.of(),
                    ReadmeQuickstartIT::tenRecommendations, Duration.ofMinutes(3));
            List<Map<String, Object>> history = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                    client.post(HISTORY, Map.of()).data("customer")).get("interactions")).get("edges");
            assertThat(history).extracting(h -> ((Map<String, Object>) ((Map<String, Object>) h.get("node")).get("item"))
                    .get("id"))
                    .as("purchases acknowledged before the kill").containsAll(purchased);
            List<Map<String, Object>> edges = response.data("recommendations", "edges");
            assertThat(edges).extracting(e -> ((Map<String, Object>) ((Map<String, Object>) e.get("node")).get("item"))
                    .get("id")).doesNotContainAnyElementsOf(purchased);
            assertThat(again.log()).contains("the database has data; the demo data is not loaded");
        }
    }

    private static boolean loaded(AppProcess app) {
        try {
            return app.log().contains("demo data loaded");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean tenRecommendations(GraphQlClient.Response r) {
        if (r.json().get("errors") != null) {
            return false;
        }
        List<?> edges = r.data("recommendations", "edges");
        return edges != null && edges.size() == 10;
    }

    private static String match(Pattern pattern, String readme, String what) {
        Matcher m = pattern.matcher(readme);
        assertThat(m.find()).as("README.md has " + what).isTrue();
        return m.group(1);
    }

    private static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static String tail(String log) {
        return log.length() <= 20_000 ? log : log.substring(log.length() - 20_000);
    }
}
