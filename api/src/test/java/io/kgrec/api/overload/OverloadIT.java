package io.kgrec.api.overload;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.AppProcess;
import io.kgrec.api.testing.GraphQlClient;
import java.net.URI;
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
 * The README's service on the demo data, under a burst of 256 connections for 20 s while its first model trains and
 * again once the model serves: requests past what it can take are refused at once with 503 and Retry-After rather than
 * left to time out, the heap holds (no OutOfMemoryError, training included), and a normal request is answered within
 * 10 s after each burst. The figures are printed for the record.
 */
@Tag("full")
class OverloadIT {
    private static final String KEY = "demo-frontend-key";
    private static final String PAGE = """
            {"query": "{ recommendations(customerId: \\"1453\\", first: 10) { edges { node { rank score item { id name } reasons { sentence contribution } } } } }"}
            """;
    private static final String MODEL = "{ model { state servingVersion phase progress } }";
    private static final int CONNECTIONS = 256;
    private static final Duration BURST = Duration.ofSeconds(20);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern HEAP_BEFORE_GC = Pattern.compile("Pause[^\\n]*? (\\d+)M->\\d+M\\(\\d+M\\)");

    @TempDir
    Path temp;

    @Test
    void a_burst_while_the_model_trains_and_one_after_are_shed_not_timed_out_and_the_heap_holds() throws Exception {
        int http = AppProcess.freePort();
        int bolt = AppProcess.freePort();
        Path gcLog = temp.resolve("gc.log");
        try (AppProcess app = AppProcess.start(temp.resolve("data/neo4j"), bolt, http, temp.resolve("app.log"),
                List.of("-Xlog:gc:file=" + gcLog), "serve", "--port", Integer.toString(http))) {
            GraphQlClient client = app.client(KEY);
            URI endpoint = URI.create("http://127.0.0.1:" + http + "/graphql");

            app.await(client, MODEL, Map.of(), r -> "TRAINING".equals(r.data("model", "state")), Duration.ofMinutes(6));
            Burst.Result whileTraining = Burst.run(endpoint, KEY, PAGE, CONNECTIONS, BURST, CLIENT_TIMEOUT);
            double recoveredWhileTraining = secondsToAnswerNormally(app, client);
            GraphQlClient.Response stillTraining = client.post(MODEL, Map.of());

            app.await(client, MODEL, Map.of(), r -> "SERVING".equals(r.data("model", "state")), Duration.ofMinutes(30));
            Burst.Result warm = Burst.run(endpoint, KEY, PAGE, CONNECTIONS, BURST, CLIENT_TIMEOUT);
            double recoveredWarm = secondsToAnswerNormally(app, client);

            String log = app.log();
            System.out.printf("burst while training (%s after it): %s; answered normally %.1f s after it%n",
                    stillTraining.text().strip(), whileTraining, recoveredWhileTraining);
            System.out.printf("burst once the model serves: %s; answered normally %.1f s after it%n", warm,
                    recoveredWarm);
            System.out.printf("peak heap before a GC: %d MiB of %s%n", peakHeapMiB(gcLog),
                    AppProcess.README_JVM_OPTIONS);

            for (Burst.Result burst : List.of(whileTraining, warm)) {
                assertThat(burst.failed()).as("failed (timed out or errors): %s", burst.failures()).isZero();
                assertThat(burst.answered()).as("answered").isPositive();
            }
            assertThat(recoveredWhileTraining).isLessThan(10);
            assertThat(recoveredWarm).isLessThan(10);
            assertThat(log).doesNotContain("OutOfMemoryError").doesNotContain("training failed");
            assertThat(app.isAlive()).isTrue();
        }
    }

    /** Seconds from now until the README's page is answered without errors; fails after 10 s. */
    private static double secondsToAnswerNormally(AppProcess app, GraphQlClient client) throws Exception {
        long started = System.nanoTime();
        app.await(client, PAGE_QUERY, Map.of(), r -> r.errorCode() == null, Duration.ofSeconds(10));
        return (System.nanoTime() - started) / 1e9;
    }

    private static final String PAGE_QUERY = "{ recommendations(customerId: \"1453\", first: 10) { edges { node { rank } } } }";

    private static long peakHeapMiB(Path gcLog) throws Exception {
        Matcher m = HEAP_BEFORE_GC.matcher(Files.readString(gcLog));
        long peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }
}
