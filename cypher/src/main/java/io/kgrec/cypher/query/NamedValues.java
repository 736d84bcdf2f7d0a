package io.kgrec.cypher.query;

import io.kgrec.cypher.graph.KnownNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Library parameters whose value names something in the graph: {@code segmentBy} a customer property,
 * {@code entityType} an entity type. A misspelt name (say {@code income_desc} for {@code income}) would not fail: every
 * customer would fall into the segment null, or no entity would match and the answer would be empty. So a caller
 * checks such values before running a query, with the check's own Cypher ({@code cypher/checks/*.cypher}, which lists
 * the names the graph holds in a column {@code name}).
 */
public final class NamedValues {
    /** Parameter name → the check query's resource and what its names are. */
    private static final Map<String, Check> CHECKS = Map.of(
            "segmentBy", new Check("cypher/checks/customer-properties.cypher", "customer property"),
            "entityType", new Check("cypher/checks/entity-types.cypher", "entity type"));

    private NamedValues() {
    }

    /** A check: the Cypher that lists the known names, and what they are called in a message. */
    public record Check(String resource, String what) {
        public String cypher() {
            try (InputStream in = NamedValues.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
    }

    /**
     * Checks every bound value that names something in the graph.
     *
     * @param bound   the query's parameters, as {@link LibraryQuery#bind} made them
     * @param listing runs a check's Cypher and returns its {@code name} column
     * @throws IllegalArgumentException naming the parameter, its unknown value and the names the graph knows
     */
    public static void check(Map<String, Object> bound, Function<String, List<String>> listing) {
        for (Map.Entry<String, Check> c : CHECKS.entrySet()) {
            if (bound.get(c.getKey()) instanceof String value) {
                List<String> known = listing.apply(c.getValue().cypher());
                if (!known.contains(value)) {
                    throw KnownNames.unknown(c.getValue().what(), value, "parameter " + c.getKey(), known);
                }
            }
        }
    }
}
