package io.kgrec.api.security;

import java.util.Locale;
import java.util.Optional;

/** Who is calling: a shop frontend, an analyst, an explainability reviewer, or an administrator. */
public enum Role {
    FRONTEND,
    ANALYST,
    REVIEWER,
    ADMIN;

    public static Optional<Role> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(raw.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
