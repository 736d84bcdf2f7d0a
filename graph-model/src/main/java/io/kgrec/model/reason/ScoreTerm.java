package io.kgrec.model.reason;

import java.util.Objects;

/**
 * A named part of a score that is not a path, such as the popularity prior, or the sum of the paths that were not
 * returned individually.
 *
 * @param name        a stable machine name, e.g. {@code popularity_prior}
 * @param value       its contribution to the score
 * @param description one sentence for people
 */
public record ScoreTerm(String name, double value, String description) {
    public static final String OTHER_PATHS = "other_paths";

    public ScoreTerm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite");
        }
    }
}
