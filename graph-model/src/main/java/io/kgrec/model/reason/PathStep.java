package io.kgrec.model.reason;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relationship between two consecutive nodes of a reason path.
 *
 * @param type    the relationship type in the graph, e.g. {@code PURCHASED}
 * @param forward {@code true} when the relationship points from the earlier node to the later one
 */
public record PathStep(String type, boolean forward) {
    // One value per relationship type and direction, shared by the hundreds of thousands of paths the served lists
    // keep; the types are the graph's few relationship types.
    private static final Map<String, PathStep> OUT = new ConcurrentHashMap<>();
    private static final Map<String, PathStep> IN = new ConcurrentHashMap<>();

    public PathStep {
        Objects.requireNonNull(type, "type");
    }

    public static PathStep of(String type, boolean forward) {
        return forward ? out(type) : in(type);
    }

    public static PathStep out(String type) {
        return OUT.computeIfAbsent(Objects.requireNonNull(type, "type"), t -> new PathStep(t, true));
    }

    public static PathStep in(String type) {
        return IN.computeIfAbsent(Objects.requireNonNull(type, "type"), t -> new PathStep(t, false));
    }
}
