package io.kgrec.api.security;

import java.util.Objects;
import java.util.Optional;

/**
 * An authenticated caller.
 *
 * @param name          a label for logs: the key's name or the token's subject, never the secret
 * @param role          what the caller may do
 * @param customerScope for a frontend credential bound to one customer, that customer's id
 */
public record Caller(String name, Role role, Optional<String> customerScope) {
    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(customerScope, "customerScope");
    }
}
