package io.kgrec.api.graphql;

import io.kgrec.api.read.Graph;
import io.kgrec.api.security.Caller;
import io.kgrec.api.security.CallerAuthentication;
import io.kgrec.api.security.Role;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before the service reports ready, asks itself for the pages frontends ask for most ({@code recommendations(first:
 * 10)} with full reasons, and {@code similarItems}), in process, through the same GraphQL handler, interceptors,
 * controllers and JSON writer as a request, until the JVM's compilers have compiled that code. On two cores the C2
 * compiler otherwise holds a core for the first ~70 s of traffic, and requests served meanwhile wait for it
 * (benchmarks.md).
 *
 * <p>Nothing it asks for is served, kept or audited: the requests carry a mark in their GraphQL context, which no HTTP
 * request can set, and the recommendations controller scores them without the served-list cache and leaves them out
 * of the audit log ({@link RecommendationController}).
 */
@Component
public class PageRehearsal {
    /** The GraphQL context key of the mark; only this class sets it. */
    static final String MARK = "io.kgrec.api.graphql.PageRehearsal";
    private static final Caller REHEARSING = new Caller("kgrec-start-rehearsal", Role.FRONTEND, Optional.empty());
    private static final String RECOMMENDATIONS = """
            query Page($customerId: ID!) {
              recommendations(customerId: $customerId, first: 10) {
                listId
                edges { cursor node { recommendationId rank score modelVersion item { id name }
                  reasons { kind contribution sentence nodes { kind id name size } relationships { type direction } }
                  scoreTerms { name value } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
    private static final String SIMILAR_ITEMS = """
            query Similar($itemId: ID!) {
              similarItems(itemId: $itemId, first: 10) {
                rank score modelVersion item { id name }
                reasons { kind contribution sentence nodes { kind id name size } relationships { type direction } }
                scoreTerms { name value }
              }
            }
            """;
    /** Customers and items spread over the store, so that the pages differ as real ones do. */
    private static final String SUBJECTS = """
            CALL { MATCH (c:Customer) WHERE EXISTS { (c)-->(:Item) } WITH c LIMIT $n RETURN collect(c.id) AS customers }
            CALL { MATCH (i:Item) WHERE EXISTS { (i)<--(:Customer) } WITH i LIMIT $n RETURN collect(i.id) AS items }
            RETURN customers, items
            """;
    private static final int SUBJECTS_EACH = 64;
    /** Pages of recommendations per similar-items page, about as a shop's pages mix them. */
    private static final int RECOMMENDATION_PAGES_PER_SIMILAR = 4;

    private final Graph graph;
    private final WebGraphQlHandler handler;
    private final JsonMapper json;

    public PageRehearsal(Graph graph, WebGraphQlHandler handler, JsonMapper json) {
        this.graph = graph;
        this.handler = handler;
        this.json = json;
    }

    /** What a rehearsal did. */
    public record Outcome(int pages, int failedPages) {
    }

    /**
     * Asks for pages, round the customers and items, until {@code enough} says so (checked about once a second).
     *
     * @return how many pages it asked for, and how many of them came back with errors; none at all on a graph
     *         without interactions
     */
    public Outcome rehearseUntil(BooleanSupplier enough) {
        Map<String, Object> subjects = graph.readRows(SUBJECTS, Map.of("n", SUBJECTS_EACH), row -> row).get(0);
        List<?> customers = (List<?>) subjects.get("customers");
        List<?> items = (List<?>) subjects.get("items");
        if (customers.isEmpty() || items.isEmpty()) {
            return new Outcome(0, 0);
        }
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(REHEARSING));
        SecurityContextHolder.setContext(context);
        try {
            int pages = 0;
            int failed = 0;
            long checkAt = System.nanoTime() + 1_000_000_000L;
            while (true) {
                boolean similar = pages % (RECOMMENDATION_PAGES_PER_SIMILAR + 1) == RECOMMENDATION_PAGES_PER_SIMILAR;
                WebGraphQlResponse response = similar
                        ? ask(SIMILAR_ITEMS, "itemId", items.get(pages % items.size()))
                        : ask(RECOMMENDATIONS, "customerId", customers.get(pages % customers.size()));
                pages++;
                if (response == null || !response.isValid() || !response.getErrors().isEmpty()) {
                    failed++;
                }
                if (System.nanoTime() >= checkAt) {
                    if (enough.getAsBoolean()) {
                        break;
                    }
                    checkAt = System.nanoTime() + 1_000_000_000L;
                }
            }
            return new Outcome(pages, failed);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private WebGraphQlResponse ask(String document, String variable, Object value) {
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), Map.of(), Map.of("query", document, "variables", Map.of(variable, value)),
                UUID.randomUUID().toString(), Locale.ROOT);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(MARK, true)).build());
        WebGraphQlResponse response = handler.handleRequest(request).block();
        if (response != null) {
            // written as a response body is, and dropped
            json.writeValue(OutputStream.nullOutputStream(), response.toMap());
        }
        return response;
    }
}
