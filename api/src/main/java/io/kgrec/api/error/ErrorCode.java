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
    INTERNAL
}
