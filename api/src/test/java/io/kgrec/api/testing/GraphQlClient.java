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
    private final String apiKey;

    /** @param apiKey sent as {@code X-API-Key}; {@code null} sends no credential */
    public GraphQlClient(URI endpoint, String apiKey) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
    }

    public Response post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return postRaw(JSON.writeValueAsString(body));
    }

    public Response postRaw(String body) {
        return send(body, Map.of());
    }

    /** Posts a raw body with extra headers (which may replace the API key). */
    @SuppressWarnings("unchecked")
    public Response send(String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json");
            if (apiKey != null && !headers.containsKey("X-API-Key")) {
                request.header("X-API-Key", apiKey);
            }
            headers.forEach(request::header);
            HttpResponse<String> r = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json;
            try {
                json = r.body().isEmpty() ? Map.of() : JSON.readValue(r.body(), Map.class);
            } catch (RuntimeException notJson) {
                json = Map.of();
            }
            return new Response(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, parsed body (empty when not JSON) and raw text. */
    public record Response(int status, Map<String, Object> json, String text) {
        /** The {@code extensions.code} of the first error, or {@code null}. */
        @SuppressWarnings("unchecked")
        public String errorCode() {
            var errors = (java.util.List<Map<String, Object>>) json.get("errors");
            if (errors == null || errors.isEmpty()) {
                return null;
            }
            var extensions = (Map<String, Object>) errors.get(0).get("extensions");
            return extensions == null ? null : (String) extensions.get("code");
        }

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
