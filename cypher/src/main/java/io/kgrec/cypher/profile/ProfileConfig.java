package io.kgrec.cypher.profile;

import io.kgrec.cypher.config.ConfigMap;
import java.util.Map;
import java.util.Set;

/**
 * Typed configuration of {@code kgrec.profile.write} and {@code kgrec.profile.stream}.
 *
 * @param topPerType how many attributes per entity type a profile keeps as affinities
 * @param minShare   attributes with a smaller share of the customer's weight within their type are left out
 * @param asOf       the moment recency is measured from, epoch seconds; {@code null}: the latest interaction in the
 *                   graph, so the same data always gives the same profiles
 */
public record ProfileConfig(int topPerType, double minShare, Long asOf) {
    private static final Set<String> KEYS = Set.of("topPerType", "minShare", "asOf");

    public static ProfileConfig of(Map<String, Object> raw) {
        ConfigMap c = ConfigMap.of(raw, KEYS);
        double asOf = c.doubleValue("asOf", -1, -1, 1e11);
        return new ProfileConfig(
                c.intValue("topPerType", 3, 1, 100),
                c.doubleValue("minShare", 0.0, 0.0, 1.0),
                asOf < 0 ? null : (long) asOf);
    }
}
