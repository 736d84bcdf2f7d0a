package io.kgrec.api.safety;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.kgrec.api.error.ErrorCode;
import io.kgrec.api.error.GraphQlErrors;
import java.time.Duration;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Stops a request that runs longer than its limit and answers it with a GraphQL error coded TIMEOUT; its database work
 * stops at the same moment ({@link RequestDeadline}). Spring's {@code TimeoutWebGraphQlInterceptor} builds its timeout exception, stack trace
 * included, for every request in advance: 1.5% of a served page's CPU under load (benchmarks.md), for an error that is
 * almost never raised. This one builds its answer only when a request does time out.
 */
public final class RequestTimeout implements WebGraphQlInterceptor {
    private final Duration limit;

    public RequestTimeout(Duration limit) {
        this.limit = limit;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).timeout(limit, Mono.fromSupplier(() -> timedOut(request)));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .errorType(GraphQlErrors.TIMEOUT)
                .message("the request did not finish within %d ms and was stopped", limit.toMillis())
                .extensions(Map.of("code", ErrorCode.TIMEOUT.name()))
                .build();
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
