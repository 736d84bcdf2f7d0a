package io.kgrec.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Posts GraphQL documents over real HTTP and parses the JSON answer. */
public final class GraphQlClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    public GraphQlClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    public Response post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return postRaw(JSON.writeValueAsString(body));
    }

    @SuppressWarnings("unchecked")
    public Response postRaw(String body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = r.body().isEmpty() ? Map.of() : JSON.readValue(r.body(), Map.class);
            return new Response(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, parsed body and raw text. */
    public record Response(int status, Map<String, Object> json, String text) {
        @SuppressWarnings("unchecked")
        public <T> T data(String... path) {
            Object node = json.get("data");
            for (String p : path) {
                node = ((Map<String, Object>) node).get(p);
            }
            return (T) node;
        }
    }
}
