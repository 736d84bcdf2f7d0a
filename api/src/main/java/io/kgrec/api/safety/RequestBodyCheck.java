package io.kgrec.api.safety;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a GraphQL request body before anything else reads it: one JSON object whose {@code query} is a string, with
 * optional {@code variables} and {@code extensions} objects and {@code operationName} string, and no other key. Any
 * other body (not JSON, {@code null}, an array, a number as the query, an unknown key) is answered with 400 and a
 * BAD_REQUEST error that says what is wrong, never with a 500 or a query run on half a request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyCheck extends OncePerRequestFilter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> KEYS = List.of("query", "variables", "operationName", "extensions");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().equals("/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException tooLarge) { // RequestSizeLimit cuts off a chunked body past its limit
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge.getMessage());
            return;
        }
        String problem = problem(body);
        if (problem != null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(JSON.writeValueAsString(Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("code", "BAD_REQUEST"))))));
    }

    /** What is wrong with the body, or {@code null}. */
    static String problem(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return "the request body is not valid JSON: " + e.getOriginalMessage();
        }
        if (root == null || !root.isObject()) {
            return "the request body must be a JSON object with a 'query' string, not "
                    + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().name().toLowerCase());
        }
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                return "unknown key '" + key + "' in the request body; known keys: " + String.join(", ", KEYS);
            }
        }
        if (!root.path("query").isString()) {
            return "'query' must be a string holding the GraphQL document";
        }
        if (!isNullOr(root.get("variables"), JsonNode::isObject) || !isNullOr(root.get("extensions"), JsonNode::isObject)) {
            return "'variables' and 'extensions' must be JSON objects when given";
        }
        if (!isNullOr(root.get("operationName"), JsonNode::isString)) {
            return "'operationName' must be a string when given";
        }
        return null;
    }

    private static boolean isNullOr(JsonNode node, java.util.function.Predicate<JsonNode> expected) {
        return node == null || node.isNull() || expected.test(node);
    }

    /** The request with its body read once here and handed on unchanged. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
