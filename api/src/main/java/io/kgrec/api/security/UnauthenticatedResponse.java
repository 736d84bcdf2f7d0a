package io.kgrec.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The body of a 401: a GraphQL-shaped error with {@code extensions.code = UNAUTHENTICATED}, nothing more. */
final class UnauthenticatedResponse {
    private UnauthenticatedResponse() {
    }

    static void write(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("WWW-Authenticate", "Bearer, ApiKey header=\"X-API-Key\"");
        // The message is one of our own constants, so it needs no JSON escaping beyond quotes, which it has none of.
        response.getWriter().write("{\"errors\":[{\"message\":\"" + message
                + "\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}");
    }
}
