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
    /**
     * Customers and items spread evenly over the store's order, not its first ones (a graph's first customers may be
     * unusual: the demo's are the first loaded), so that the pages differ as real ones do.
     */
    private static final String SUBJECTS = """
            CALL {
              MATCH (c:Customer) WHERE EXISTS { (c)-->(:Item) }
              WITH collect(c.id) AS ids
              RETURN [i IN range(0, size(ids) - 1, CASE WHEN size(ids) > $n THEN size(ids) / $n ELSE 1 END)
                      | ids[i]][..$n] AS customers
            }
            CALL {
              MATCH (i:Item) WHERE EXISTS { (i)<--(:Customer) }
              WITH collect(i.id) AS ids
              RETURN [k IN range(0, size(ids) - 1, CASE WHEN size(ids) > $n THEN size(ids) / $n ELSE 1 END)
                      | ids[k]][..$n] AS items
            }
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

    /**
     * What a rehearsal did.
     *
     * @param firstFailure what went wrong with the first page that came back with errors, so that the log can say
     */
    public record Outcome(int pages, int failedPages, Optional<String> firstFailure) {
    }

    /**
     * Asks for pages, round the customers and items, until {@code enough} says so (checked about once a second).
     *
     * @return how many pages it asked for, and how many of them came back with errors; none at all on a graph
     *         without interactions
     */
    public Outcome rehearseUntil(BooleanSupplier enough) {
        Subjects subjects = subjects(SUBJECTS_EACH);
        List<?> customers = subjects.customers();
        List<?> items = subjects.items();
        if (customers.isEmpty() || items.isEmpty()) {
            return new Outcome(0, 0, Optional.empty());
        }
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(REHEARSING));
        SecurityContextHolder.setContext(context);
        try {
            int pages = 0;
            int failed = 0;
            Optional<String> firstFailure = Optional.empty();
            long checkAt = System.nanoTime() + 1_000_000_000L;
            while (true) {
                boolean similar = pages % (RECOMMENDATION_PAGES_PER_SIMILAR + 1) == RECOMMENDATION_PAGES_PER_SIMILAR;
                Object subject = similar ? items.get(pages % items.size()) : customers.get(pages % customers.size());
                WebGraphQlResponse response = similar
                        ? ask(SIMILAR_ITEMS, "itemId", subject)
                        : ask(RECOMMENDATIONS, "customerId", subject);
                pages++;
                Optional<String> failure = failure(response);
                if (failure.isPresent()) {
                    failed++;
                    if (firstFailure.isEmpty()) {
                        firstFailure = Optional.of((similar ? "similarItems for item " : "recommendations for customer ")
                                + subject + ": " + failure.get());
                    }
                }
                if (System.nanoTime() >= checkAt) {
                    if (enough.getAsBoolean()) {
                        break;
                    }
                    checkAt = System.nanoTime() + 1_000_000_000L;
                }
            }
            return new Outcome(pages, failed, firstFailure);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Whose pages a rehearsal asks for: customers and items with interactions. */
    record Subjects(List<?> customers, List<?> items) {
    }

    /** Up to {@code each} customers and {@code each} items, spread over the store. */
    Subjects subjects(int each) {
        Map<String, Object> row = graph.readRows(SUBJECTS, Map.of("n", each), r -> r).get(0);
        return new Subjects((List<?>) row.get("customers"), (List<?>) row.get("items"));
    }

    /** The first error of a page that came back with errors, or of one that did not come back at all. */
    static Optional<String> failure(WebGraphQlResponse response) {
        if (response == null) {
            return Optional.of("no response");
        }
        if (response.getErrors().isEmpty()) {
            return response.isValid() ? Optional.empty() : Optional.of("no data");
        }
        return Optional.of(response.getErrors().get(0).getMessage());
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
