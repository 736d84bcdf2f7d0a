package io.kgrec.model.reason;

import java.util.Objects;

/**
 * The relationship between two consecutive nodes of a reason path.
 *
 * @param type    the relationship type in the graph, e.g. {@code PURCHASED}
 * @param forward {@code true} when the relationship points from the earlier node to the later one
 */
public record PathStep(String type, boolean forward) {
    public PathStep {
        Objects.requireNonNull(type, "type");
    }

    public static PathStep out(String type) {
        return new PathStep(type, true);
    }

    public static PathStep in(String type) {
        return new PathStep(type, false);
    }
}
