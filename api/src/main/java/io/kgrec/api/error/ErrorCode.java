package io.kgrec.api.error;

/** The machine-readable {@code extensions.code} of every GraphQL error kgrec returns. */
public enum ErrorCode {
    BAD_REQUEST,
    NOT_FOUND,
    UNAUTHENTICATED,
    FORBIDDEN,
    INTERNAL
}
