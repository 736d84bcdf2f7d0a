package io.kgrec.api.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.graphql.ReadRehearsal;
import io.kgrec.api.read.Graph;
import io.kgrec.api.testing.LoadedApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the service does after a start before it reports ready, and how it reports it. */
class StartRehearsalsIT extends LoadedApplication {
    @Autowired
    ReadRehearsal rehearsal;

    @Autowired
    Graph reads;

    @Test
    void the_service_reports_ready_to_anyone_without_credentials_once_its_rehearsals_are_done() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        for (long giveUpAt = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                answer.statusCode() == 503 && System.nanoTime() < giveUpAt; ) {
            Thread.sleep(200);
            answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"ready\":true");
    }

    /** Neo4j plans per size class of a string parameter: lengths 0, 1, 2–10, 11–100, ... */
    @Test
    void the_read_rehearsal_scores_for_one_customer_of_each_size_class_of_customer_ids() {
        Set<Integer> classes = graph.driver().executableQuery("MATCH (c:Customer) RETURN c.id AS id").execute()
                .records().stream().map(r -> sizeClass(r.get("id").asString().length()))
                .collect(Collectors.toSet());
        long transactions = reads.transactionsRun();

        int rehearsed = rehearsal.rehearse();

        assertThat(classes).isNotEmpty();
        assertThat(rehearsed).isEqualTo(classes.size());
        assertThat(reads.transactionsRun() - transactions).as("one read per customer and round, and the lookup")
                .isGreaterThan(rehearsed);
    }

    private static int sizeClass(int length) {
        return length <= 1 ? length : (int) Math.ceil(Math.log10(length)) + 1;
    }
}
