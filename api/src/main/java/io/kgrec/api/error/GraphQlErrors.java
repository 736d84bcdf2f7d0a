package io.kgrec.api.error;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.kgrec.api.graph.TransientFailures;
import io.kgrec.api.graph.TransientRetry;
import io.kgrec.loader.write.WriteDeadline;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors with one fixed set of codes. Caller errors keep their message; anything
 * unexpected is logged with an id and reported as INTERNAL with only that id, never a stack trace or a driver message.
 */
@Component
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrors.class);
    /** Spring's ErrorType has no classification for "try again": graphql-java lets us name one. */
    static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");
    static final ErrorClassification RATE_LIMITED = ErrorClassification.errorClassification("RATE_LIMITED");
    public static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            return error(env, api.code(), api.getMessage());
        }
        if (ex instanceof WriteDeadline.Exceeded late) {
            // not the caller's fault, but theirs to act on: the message says nothing was written
            LOG.warn("{}: {}", env.getExecutionStepInfo().getPath(), late.getMessage());
            return error(env, ErrorCode.INTERNAL, late.getMessage());
        }
        if (TransientFailures.isTimeout(ex)) {
            LOG.warn("{}: stopped at the request's time limit: {}", env.getExecutionStepInfo().getPath(),
                    ex.getMessage());
            return error(env, ErrorCode.TIMEOUT, "the request reached its time limit and was stopped");
        }
        if (TransientFailures.isTransient(ex)) {
            LOG.warn("{}: transient failure after retries: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
            return error(env, ErrorCode.UNAVAILABLE, "briefly unavailable; nothing was changed, send the request again");
        }
        String refused = refusedArgument(ex);
        if (refused != null) {
            return error(env, ErrorCode.BAD_REQUEST, refused);
        }
        String id = UUID.randomUUID().toString();
        LOG.error("internal error {} in {}", id, env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorCode.INTERNAL, "internal error " + id);
    }

    /**
     * A kgrec procedure refusing an argument reports it as an IllegalArgumentException inside the driver's
     * ClientException; its message is ours, written for the caller, so it is passed on without the wrapping.
     */
    private static String refusedArgument(Throwable ex) {
        if (!(ex instanceof org.neo4j.driver.exceptions.ClientException) || ex.getMessage() == null) {
            return null;
        }
        String marker = "IllegalArgumentException: ";
        int at = ex.getMessage().indexOf(marker);
        return at < 0 || !ex.getMessage().contains("procedure `kgrec.") ? null
                : ex.getMessage().substring(at + marker.length()).strip();
    }

    static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type(code))
                .message(message)
                .extensions(code == ErrorCode.UNAVAILABLE
                        ? Map.of("code", code.name(), "retryable", true,
                                "retryAfterSeconds", TransientRetry.RETRY_AFTER.toSeconds())
                        : Map.of("code", code.name()))
                .build();
    }

    private static ErrorClassification type(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case UNAVAILABLE -> UNAVAILABLE;
            case RATE_LIMITED -> RATE_LIMITED;
            case TIMEOUT -> TIMEOUT;
            case INTERNAL -> ErrorType.INTERNAL_ERROR;
        };
    }
}
