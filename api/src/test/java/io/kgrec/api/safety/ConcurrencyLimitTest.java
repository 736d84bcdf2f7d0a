package io.kgrec.api.safety;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limit in a real Tomcat, in front of a GraphQL endpoint that holds requests until the test lets them go. */
class ConcurrencyLimitTest {
    private final CountDownLatch letGo = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(2);
    private final ConcurrencyLimit limit = new ConcurrencyLimit(2, Duration.ofMillis(200));
    private final HttpClient http = HttpClient.newHttpClient();
    private Tomcat tomcat;
    private URI graphql;

    @BeforeEach
    void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", new File(".").getAbsolutePath());
        Tomcat.addServlet(context, "graphql", new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) {
                holding.countDown();
                try {
                    letGo.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.setStatus(200);
            }
        });
        context.addServletMappingDecoded("/graphql", "graphql");
        FilterDef def = new FilterDef();
        def.setFilterName("limit");
        def.setFilter(limit);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("limit");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.getConnector();
        tomcat.start();
        graphql = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/graphql");
    }

    @AfterEach
    void stop() throws Exception {
        letGo.countDown();
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void a_request_past_the_limit_gets_503_with_retry_after_and_a_place_frees_when_a_request_ends() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = List.of(post(), post());
        assertThat(holding.await(10, TimeUnit.SECONDS)).as("both places taken").isTrue();

        HttpResponse<String> refused = post().get(10, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.body()).contains("\"code\":\"UNAVAILABLE\"");
        assertThat(limit.shed()).isEqualTo(1);

        letGo.countDown();
        for (CompletableFuture<HttpResponse<String>> r : held) {
            assertThat(r.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(post().get(10, TimeUnit.SECONDS).statusCode()).as("places are given back").isEqualTo(200);
    }

    @Test
    void other_paths_are_not_limited() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(graphql.resolve("/review/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(limit.shed()).isZero();
    }

    private CompletableFuture<HttpResponse<String>> post() {
        return http.sendAsync(HttpRequest.newBuilder(graphql).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
