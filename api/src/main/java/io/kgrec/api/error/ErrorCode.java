package io.kgrec.api.error;

/** The machine-readable {@code extensions.code} of every GraphQL error kgrec returns. */
public enum ErrorCode {
    BAD_REQUEST,
    NOT_FOUND,
    UNAUTHENTICATED,
    FORBIDDEN,
    /**
     * The request was fine but the database could not serve it just now (for example a read kept meeting data that a
     * training run was rewriting, after retries). Nothing was changed; send the same request again after
     * {@code extensions.retryAfterSeconds}.
     */
    UNAVAILABLE,
    /**
     * The credential spent its budget of query cost for now ({@code kgrec.graphql.cost-per-minute}); send the request
     * again after {@code extensions.retryAfterSeconds}.
     */
    RATE_LIMITED,
    /**
     * The request reached its time limit (15 s) and was stopped, in the database too. A read-only request may be sent
     * again; one that asks for less (a smaller sample or page) is more likely to finish.
     */
    TIMEOUT,
    INTERNAL
}
