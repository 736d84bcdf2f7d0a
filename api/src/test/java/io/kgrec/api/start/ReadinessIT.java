package io.kgrec.api.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.api.testing.LoadedApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the service reports, after a start, that it is ready for traffic. */
class ReadinessIT extends LoadedApplication {

    @Test
    void the_service_reports_ready_to_anyone_without_credentials_once_it_has_started() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        // the model is loaded in the background after the start; wait for that condition, polling the endpoint
        for (long giveUpAt = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                answer.statusCode() == 503 && System.nanoTime() < giveUpAt; ) {
            Thread.sleep(200);
            answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"ready\":true");
    }
}
