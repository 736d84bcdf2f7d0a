package io.kgrec.api.error;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every error in a response an {@code extensions.code}, including those raised by graphql-java itself before
 * any resolver runs (syntax, validation, depth and complexity limits), which are the caller's fault: BAD_REQUEST.
 */
@Component
public class ErrorCodes implements WebGraphQlInterceptor {
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().allMatch(ErrorCodes::hasCode)) {
                return response;
            }
            return response.transform(b -> b.errors(errors.stream().map(ErrorCodes::coded).toList()));
        });
    }

    private static boolean hasCode(GraphQLError e) {
        return e.getExtensions() != null && e.getExtensions().containsKey("code");
    }

    private static GraphQLError coded(GraphQLError e) {
        if (hasCode(e)) {
            return e;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (e.getExtensions() != null) {
            extensions.putAll(e.getExtensions());
        }
        extensions.put("code", codeFor(e.getErrorType()).name());
        return GraphqlErrorBuilder.newError()
                .message(e.getMessage())
                .locations(e.getLocations())
                .path(e.getPath())
                .errorType(e.getErrorType())
                .extensions(extensions)
                .build();
    }

    static ErrorCode codeFor(ErrorClassification classification) {
        if (classification == ErrorType.NOT_FOUND) {
            return ErrorCode.NOT_FOUND;
        }
        if (classification == ErrorType.UNAUTHORIZED) {
            return ErrorCode.UNAUTHENTICATED;
        }
        if (classification == ErrorType.FORBIDDEN) {
            return ErrorCode.FORBIDDEN;
        }
        if (classification == ErrorType.INTERNAL_ERROR) {
            return ErrorCode.INTERNAL;
        }
        // graphql-java's own classifications (InvalidSyntax, ValidationError, ExecutionAborted...) and BAD_REQUEST.
        return ErrorCode.BAD_REQUEST;
    }
}
