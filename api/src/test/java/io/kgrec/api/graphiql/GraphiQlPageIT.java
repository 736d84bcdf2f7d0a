package io.kgrec.api.graphiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kgrec.api.review.HeadlessChromium;
import io.kgrec.api.review.HeadlessChromium.Request;
import io.kgrec.api.security.ApiKeys;
import io.kgrec.api.testing.GraphQlClient;
import io.kgrec.api.testing.LoadedApplication;
import io.kgrec.api.testing.ReadmeQuickstart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphiQL on a machine without internet access: headless Chromium that reaches nothing but the loopback opens
 * {@code /graphiql} on the real application, and the README's quick-start query, pasted with a header typed in the
 * Headers tab, returns ten recommendations, and the documentation pane shows the schema. The fixture has no customer
 * 1453 and the test application no demo keys, so the README's query and header are run with their customer and key
 * swapped for a fixture customer and that customer's frontend key, a key of the same kind as the README's.
 */
@Tag("full")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQlPageIT extends LoadedApplication {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChromeDriver browser;
    private GraphiQlPageDriver page;

    @BeforeAll
    void startBrowser() {
        browser = HeadlessChromium.startWithoutNetwork();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void emptyTheLogs() {
        page = new GraphiQlPageDriver(browser, port);
        HeadlessChromium.problems(browser);
        HeadlessChromium.requests(browser);
    }

    @Test
    void the_browser_reaches_nothing_but_the_loopback() {
        assertThatThrownBy(() -> browser.get("http://example.org/"))
                .hasMessageContaining("ERR_PROXY_CONNECTION_FAILED");

        // The log sees requests to other hosts, and their failures: the other tests' clean logs are read, not assumed.
        assertThat(HeadlessChromium.requests(browser)).filteredOn(r -> r.url().startsWith("http://example.org/"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.failure()).isEqualTo("net::ERR_PROXY_CONNECTION_FAILED"));
    }

    @Test
    void the_page_needs_no_key_and_every_asset_comes_from_the_application() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create(page.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/graphiql/"));
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(page.url() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("GraphiQL").doesNotContain("https://");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self';", "connect-src 'self';").doesNotContain("unsafe"));
        // The page is open; the data behind it is not.
        assertThat(client(null).post("{ customers(first: 1) { edges { cursor } } }", Map.of()).status())
                .isEqualTo(401);

        page.open();

        String origin = "http://127.0.0.1:" + port + "/";
        List<Request> requests = HeadlessChromium.requests(browser);
        assertOnlyFromTheApplication(requests);
        assertThat(requests).extracting(Request::url).contains(origin + "webjars/graphiql/graphiql.min.js",
                origin + "webjars/react/umd/react.production.min.js");
        assertThat(requests).filteredOn(r -> r.failure() != null).isEmpty();
        assertThat(page.js("return document.querySelector('.graphiql-execute-button') !== null")).isEqualTo(true);
        // Nothing refused, not even a schema request before a key is in the Headers tab.
        assertThat(HeadlessChromium.problems(browser)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_readme_query_with_a_header_typed_in_the_headers_tab_returns_ten_recommendations() throws Exception {
        String readmeQuery = ReadmeQuickstart.query();
        String readmeHeaders = ReadmeQuickstart.headersJson();
        Map<String, Object> header = JSON.readValue(readmeHeaders, Map.class);
        assertThat(header).containsOnlyKeys("X-API-Key");
        String readmeKey = (String) header.get("X-API-Key");
        String scope = ApiKeys.DEMO.get(readmeKey);
        assertThat(scope).as("the README's key is a demo frontend key for one customer").startsWith("frontend:");
        String readmeCustomer = scope.substring("frontend:".length());
        assertThat(readmeQuery).contains("customerId: \"" + readmeCustomer + "\"");
        String query = readmeQuery.replace("\"" + readmeCustomer + "\"", "\"" + OWN_CUSTOMER + "\"");
        String headers = readmeHeaders.replace("\"" + readmeKey + "\"", "\"" + FRONTEND_OWN + "\"");

        page.open();
        page.pasteQuery(query);
        Map<String, Object> withoutKey = JSON.readValue(page.run(), Map.class);
        assertThat(page.documentation()).contains("No GraphQL schema available");
        page.pasteHeaders(headers);
        // With the key in, the page loads the schema: the documentation shows it.
        assertThat(page.documentationWithSchema()).contains("query: Query", "mutation: Mutation");
        Map<String, Object> answer = JSON.readValue(page.run(), Map.class);

        // Only the header typed in the Headers tab makes the difference.
        assertThat(withoutKey.toString()).contains("UNAUTHENTICATED");
        assertThat(answer).as("%s", answer).doesNotContainKey("errors");
        List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                answer.get("data")).get("recommendations")).get("edges");
        assertThat(edges).hasSize(10);
        GraphQlClient.Response direct = client(FRONTEND_OWN).post(query, Map.of());
        assertThat(edges).isEqualTo(direct.data("recommendations", "edges"));
        assertOnlyFromTheApplication(HeadlessChromium.requests(browser));
        // The run without a key is the console's only complaint.
        assertThat(HeadlessChromium.problems(browser)).singleElement().asString()
                .contains("http://127.0.0.1:" + port + "/graphql - ", "status of 401");
    }

    /** Every request went to this application ({@code data:} URLs are GraphiQL's inlined fonts). */
    private void assertOnlyFromTheApplication(List<Request> requests) {
        String origin = "http://127.0.0.1:" + port + "/";
        assertThat(requests).extracting(Request::url).isNotEmpty().allSatisfy(url -> assertThat(url).satisfiesAnyOf(
                u -> assertThat(u).startsWith(origin), u -> assertThat(u).startsWith("data:")));
    }
}
